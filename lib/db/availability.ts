import pg from "pg";
import { requireDatabaseUrl } from "./database-url";
import { processShared } from "./process-shared";

/**
 * Whether the database answers right now, for the proxy: during an outage every request gets one clear
 * 503 instead of each page failing its own way. One `SELECT 1` on a dedicated connection, its answer
 * reused for a second, so a busy server asks at most once a second and an idle one not at all.
 */

const ANSWER_MAX_AGE_MS = 1_000;
const CHECK_TIMEOUT_MS = 1_000;

export interface CachedCheckOptions {
  maxAgeMs: number;
  now?: () => number;
}

/**
 * Wraps a check so that its answer is reused for `maxAgeMs`, and callers arriving while it runs share
 * the one in progress rather than each starting their own.
 */
export function cacheCheck(check: () => Promise<boolean>, { maxAgeMs, now = Date.now }: CachedCheckOptions): () => Promise<boolean> {
  let answer: { value: boolean; at: number } | undefined;
  let running: Promise<boolean> | undefined;
  return () => {
    if (answer && now() - answer.at < maxAgeMs) return Promise.resolve(answer.value);
    running ??= check()
      .catch(() => false)
      .then((value) => {
        answer = { value, at: now() };
        running = undefined;
        return value;
      });
    return running;
  };
}

/**
 * Asks the server for `SELECT 1` within `timeoutMs`. Through `pool.query`, which listens for errors while
 * the connection is checked out and drops a connection that failed: a connection handed out just as the
 * server dies would otherwise raise an error event nobody listens to, and end the process.
 */
export function createDatabasePing(connectionString: string, timeoutMs = CHECK_TIMEOUT_MS): () => Promise<boolean> {
  const pool = new pg.Pool({
    connectionString,
    max: 1,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    idleTimeoutMillis: 60_000,
    allowExitOnIdle: true,
  });
  // An idle connection that breaks (the server stopped) is the outage itself, which the next ping reports;
  // without a listener the pool's error event would end the process.
  pool.on("error", () => undefined);
  return () => pool.query("SELECT 1").then(
    () => true,
    () => false,
  );
}

const availability = processShared("database-availability", () => ({ current: undefined as { url: string; check: () => Promise<boolean> } | undefined }));

/** For the running app: the database of DATABASE_URL, answered from the last second's check when there is one. */
export function isDatabaseAvailable(): Promise<boolean> {
  const url = requireDatabaseUrl();
  if (availability.current?.url !== url) {
    availability.current = { url, check: cacheCheck(createDatabasePing(url), { maxAgeMs: ANSWER_MAX_AGE_MS }) };
  }
  return availability.current.check();
}
