/**
 * Tells a database that cannot be reached (stopped, restarting, the connection cut) from every other
 * failure, so that such errors answer 503 "try again" rather than 500 "something went wrong".
 *
 * Prisma 7 with @prisma/adapter-pg reports these in several shapes, all seen when stopping and killing
 * PostgreSQL under load (see connection-errors.int.test.ts):
 * - `P1001` "Can't reach database server" (connection refused), `P1017` (server closed the connection);
 * - `P2010` (raw queries) or `P2039` (model queries) wrapping a PostgreSQL code such as `57P01`
 *   "terminating connection due to administrator command", in `meta.driverAdapterError.cause`;
 * - plain errors from the pg driver without a code: "Connection terminated unexpectedly",
 *   "Client has encountered a connection error and is not queryable".
 */

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/**
 * PostgreSQL's codes for a server that is going away or not there yet: admin shutdown, crash shutdown,
 * "the database system is starting up", too many connections. Class 08 (connection exception) counts too.
 */
const POSTGRES_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);

const DRIVER_MESSAGES = /Connection terminated|connection error and is not queryable|Can't reach database server|timeout exceeded when trying to connect/i;

export function isDatabaseUnreachable(error: unknown): boolean {
  return causesOf(error).some(isUnreachableCause);
}

function isUnreachableCause(error: Record<string, unknown>): boolean {
  const code = typeof error.code === "string" ? error.code : undefined;
  const originalCode = typeof error.originalCode === "string" ? error.originalCode : undefined;
  for (const candidate of [code, originalCode]) {
    if (!candidate) continue;
    if (PRISMA_CODES.has(candidate) || SOCKET_CODES.has(candidate) || POSTGRES_CODES.has(candidate)) return true;
    if (/^08[0-9A-Z]{3}$/.test(candidate)) return true;
  }
  if (typeof error.kind === "string" && ADAPTER_KINDS.has(error.kind)) return true;
  return typeof error.message === "string" && DRIVER_MESSAGES.test(error.message);
}

/** The error and what it wraps: `cause` chains and Prisma's `meta.driverAdapterError`. */
function causesOf(error: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const pending: unknown[] = [error];
  while (pending.length && found.length < 10) {
    const next = pending.shift();
    if (!next || typeof next !== "object" || found.includes(next as Record<string, unknown>)) continue;
    const current = next as Record<string, unknown>;
    found.push(current);
    pending.push(current.cause, (current.meta as Record<string, unknown> | undefined)?.driverAdapterError);
  }
  return found;
}
