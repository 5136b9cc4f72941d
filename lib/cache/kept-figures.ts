import type { Db } from "@/lib/db/client";
import { keptTable } from "./kept-table";

/**
 * Figures kept in memory between requests: the one place that decides what an app instance may keep and
 * for how long. The contract, for every value kept here (today's ownership snapshot, the report per filter
 * set, Home's figures, the past weeks' review scopes, the trend's closed weeks):
 *
 * 1. It is keyed by the data version: the database, its epoch and the highest audit event id. Every write
 *    records an audit event in its transaction (writeRoute refuses one that does not), so every instance
 *    reading the same database agrees on the version; on its next request after a write, an instance sees
 *    the new version, whichever instance wrote.
 * 2. After a write it is computed afresh, or brought up to date by the caller's `carryOver` from the audit
 *    events since: each action declares its effect in lib/audit/actions.ts (none, one cell, a review's
 *    cells, everything), and lib/ownership/change-effects.ts reads it.
 * 3. Ids are handed out when an event is inserted, not when its transaction commits: a long write may
 *    still be committing an id below the highest one visible. Such ids are remembered as pending with the
 *    value, and the value is brought up to date once they appear.
 * 4. A restore replaces the audit trail itself (its ids may go back below those already seen), and a
 *    migration can change what any figure means: both start a new epoch (the "DatabaseEpoch" table), and
 *    a value kept from another epoch is never served nor carried over.
 * 5. Each value has a maximum age, for what no audit event tells (a confirmation turning stale as the
 *    days pass, a write made outside the app), of KEPT_AT_MOST_MS at most. Past it, the value is still
 *    served while a fresh one is computed in the background; past STALE_LIMIT times it, never.
 * 6. Tables are bounded (kept-table.ts): the least recently used go first.
 *
 * Why in memory, not as a read model in PostgreSQL (each cell's evaluated state written in the write's
 * transaction, a report as an aggregate query): measured with `npm run bench` at 10,000 assets, the one
 * query that only counts covered cells takes 129 ms (the "SQL floor"), while the whole report served from
 * memory takes 162 ms at p95, Home 154 ms, both well under their targets; the ranked gaps, hotspots and
 * person load would each need more than that floor. And the writes that change many cells (a person
 * leaving, an asset's criticality, the stale threshold, an import) would have to evaluate up to all
 * 64,000 cells inside their transaction (about 4 s at that size, as an instance's first computation
 * shows), holding locks meanwhile, and staleness, which moves with the clock and no write, would need a
 * job to rewrite the read model every day. What an instance keeps is derived and re-derivable: it can be
 * dropped at any time, and it costs a computation at start (about 4 s at 10,000 assets).
 */
export interface DataVersion {
  database: string;
  epoch: string;
  version: number;
}

export async function readDataVersion(prisma: Db): Promise<DataVersion> {
  const [row] = await prisma.$queryRaw<DataVersion[]>`
    SELECT current_database() AS database, coalesce((SELECT epoch FROM "DatabaseEpoch" WHERE id = 1), '') AS epoch,
           coalesce(max(id), 0)::int AS version
    FROM "AuditEvent"`;
  return row!;
}

/** The longest maximum age a kept value may have, whatever its caller asks for (see 5 above). */
export const KEPT_AT_MOST_MS = 60 * 60_000;

/** How far below the newest id a write may still be committing: older gaps are rolled-back writes. */
const PENDING_WINDOW = 1_000;

/** Ids at or below `version` (within the window) that no committed event holds yet. */
async function readPendingIds(prisma: Db, version: number): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT g::int AS id FROM generate_series(${Math.max(0, version - PENDING_WINDOW) + 1}::int, ${version}::int) AS g
    WHERE NOT EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e.id = g)`;
  return rows.map((row) => row.id);
}

async function anyCommitted(prisma: Db, ids: readonly number[]): Promise<boolean> {
  return (await prisma.auditEvent.count({ where: { id: { in: [...ids] } } })) > 0;
}

/** One recorded write: what the audit event says was changed. */
export interface DataChange {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
}

/** More writes than this between two versions are not looked at one by one: the figure is computed afresh. */
const MAX_CHANGES_CARRIED_OVER = 200;

/**
 * The writes that appeared since a value was built: those after its version up to `toVersion`, and those
 * of its pending ids that have committed since. Null when there are too many to carry a value over.
 */
export async function readChangesSince(
  prisma: Db,
  since: { version: number; pending: readonly number[] },
  toVersion: number,
): Promise<{ changes: DataChange[]; pending: number[] } | null> {
  const changes = await prisma.auditEvent.findMany({
    where: { OR: [{ id: { gt: since.version, lte: toVersion } }, { id: { in: [...since.pending] } }] },
    orderBy: { id: "asc" },
    take: MAX_CHANGES_CARRIED_OVER + 1,
    select: { id: true, action: true, entityType: true, entityId: true },
  });
  if (changes.length > MAX_CHANGES_CARRIED_OVER) return null;
  const seen = new Set(changes.map((change) => change.id));
  const pending: number[] = since.pending.filter((id) => !seen.has(id));
  for (let id = since.version + 1; id <= toVersion; id++) if (!seen.has(id)) pending.push(id);
  return { changes, pending: pending.filter((id) => id > toVersion - PENDING_WINDOW) };
}

interface Entry {
  epoch: string;
  version: number;
  /** Ids at or below `version` that were not committed when the value was built or last brought up to date. */
  pending: Promise<number[]>;
  /** When the value was last computed in full: the maximum age counts from there, not from a carry-over. */
  computedAt: number;
  value: Promise<unknown>;
  refreshing: boolean;
}

const DEFAULT_MAX_AGE_MS = 30_000;
/** Past this many times the maximum age a kept value is not served while a fresh one is computed: the request waits. */
const STALE_LIMIT = 4;
const MAX_ENTRIES = 200;
const entries = keptTable<Entry>("figures-by-data-version", MAX_ENTRIES, KEPT_AT_MOST_MS * STALE_LIMIT);

export interface MemoOptions<T> {
  /**
   * Brings a value of an earlier version up to date with the writes since, when that is cheaper than
   * computing it again (a cell edited: evaluate that cell again). Returns null when it cannot.
   */
  carryOver?: (previous: T, changes: DataChange[]) => Promise<T | null> | T | null;
  maxAgeMs?: number;
  now?: number;
}

/**
 * The value of `compute` for the current data version: computed once, then shared (concurrent requests
 * wait for the same computation) until a write is recorded. After a write, `carryOver` may bring the
 * kept value up to date instead of computing it again. Past `maxAgeMs` the kept value is still served
 * while a fresh one is computed in the background, so no request waits for the clock (unless the value
 * is far older). A failed computation is not kept.
 */
export async function memoizeByDataVersion<T>(prisma: Db, key: string, compute: () => Promise<T>, options: MemoOptions<T> = {}): Promise<T> {
  const { now = Date.now(), carryOver } = options;
  const maxAgeMs = Math.min(options.maxAgeMs ?? DEFAULT_MAX_AGE_MS, KEPT_AT_MOST_MS);
  const { database, epoch, version } = await readDataVersion(prisma);
  const entryKey = `${database}|${key}`;
  const found = entries.get(entryKey, now);
  const cached = found?.epoch === epoch ? found : undefined;
  // A request that read the version just before another request stored a newer value: that value will do.
  let upToDate = cached !== undefined && cached.version >= version;
  if (upToDate && cached!.version === version) {
    const pending = await cached!.pending;
    if (pending.length > 0 && (await anyCommitted(prisma, pending))) upToDate = false;
  }

  if (cached && upToDate) {
    const age = now - cached.computedAt;
    if (age < maxAgeMs * STALE_LIMIT) {
      if (age >= maxAgeMs && !cached.refreshing) refreshInBackground(prisma, entryKey, cached, compute, carryOver !== undefined, now);
      return cached.value as Promise<T>;
    }
  }

  const entry: Entry = { epoch, version, pending: Promise.resolve([]), computedAt: now, value: Promise.resolve(), refreshing: false };
  if (cached && carryOver && cached.version <= version && now - cached.computedAt < maxAgeMs * STALE_LIMIT) {
    entry.computedAt = cached.computedAt;
    const carried = carryOverOrCompute(prisma, cached, version, carryOver, compute, () => (entry.computedAt = now));
    entry.value = carried.then((result) => result.value);
    // A failed value is dropped with its entry: its pending ids are of no use, and must not go unhandled.
    entry.pending = carried.then((result) => result.pending, () => []);
  } else {
    entry.pending = readPendingIds(prisma, version).catch(() => []);
    entry.value = compute();
  }
  entries.set(entryKey, entry, now);
  entry.value.catch(() => {
    if (entries.peek(entryKey) === entry) entries.delete(entryKey);
  });
  return entry.value as Promise<T>;
}

async function carryOverOrCompute<T>(
  prisma: Db,
  cached: Entry,
  version: number,
  carryOver: NonNullable<MemoOptions<T>["carryOver"]>,
  compute: () => Promise<T>,
  computingAfresh: () => void,
): Promise<{ value: T; pending: number[] }> {
  try {
    const [previous, pending] = await Promise.all([cached.value as Promise<T>, cached.pending]);
    const since = await readChangesSince(prisma, { version: cached.version, pending }, version);
    const carried = since ? await carryOver(previous, since.changes) : null;
    if (since && carried !== null) return { value: carried, pending: since.pending };
  } catch {
    // The kept value failed or could not be carried over: what follows computes it afresh.
  }
  computingAfresh();
  const pending = readPendingIds(prisma, version).catch(() => []);
  return { value: await compute(), pending: await pending };
}

/**
 * Computes the value of `stale`'s version again. Writes that came meanwhile are carried over by the next
 * request from the fresh value, as from any other; without a carry-over a fresh value of an older version
 * than the one kept is of no use.
 */
function refreshInBackground<T>(prisma: Db, entryKey: string, stale: Entry, compute: () => Promise<T>, canCarryOver: boolean, now: number): void {
  stale.refreshing = true;
  const fresh: Entry = { epoch: stale.epoch, version: stale.version, pending: readPendingIds(prisma, stale.version).catch(() => []), computedAt: now, value: compute(), refreshing: false };
  fresh.value.then(
    () => {
      const current = entries.peek(entryKey);
      if (current === stale || (canCarryOver && current?.epoch === stale.epoch && current.version >= stale.version)) entries.set(entryKey, fresh, now);
    },
    () => {
      // Tried again after another maximum age, not on every request while the database is away.
      stale.refreshing = false;
      stale.computedAt = now;
    },
  );
}

/**
 * A version number that stays the same while every write since it was read passes `leavesUnchanged`:
 * the key of figures that most writes cannot affect (a closed week's coverage is untouched by a cell
 * edited today).
 */
export function readStableVersion(prisma: Db, key: string, leavesUnchanged: (change: DataChange) => boolean): Promise<string> {
  return memoizeByDataVersion(prisma, `stable-version|${key}`, async () => {
    const { epoch, version } = await readDataVersion(prisma);
    return `${epoch}:${version}`;
  }, {
    carryOver: (version, changes) => (changes.every(leavesUnchanged) ? version : null),
    maxAgeMs: KEPT_AT_MOST_MS,
  });
}

export function clearDataVersionCache(): void {
  entries.clear();
}
