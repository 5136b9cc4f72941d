import type { Db } from "./client";

/**
 * Figures that depend only on the data (the ownership snapshot, the report of today) are computed once
 * per version of the data and shared by every request until something is written. Every write of the
 * app records an audit event in its transaction, so the highest audit event id names the data's state,
 * and every app instance reading the same database agrees on it. A maximum age bounds what can slip
 * past that: writes made outside the app, and the time-driven parts of a figure (a confirmation turning
 * stale as the days pass).
 */
export interface DataVersion {
  database: string;
  version: number;
}

export async function readDataVersion(prisma: Db): Promise<DataVersion> {
  const [row] = await prisma.$queryRaw<DataVersion[]>`
    SELECT current_database() AS database, coalesce(max(id), 0)::int AS version FROM "AuditEvent"`;
  return row!;
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

/** The writes recorded after `fromVersion` up to `toVersion`, oldest first; null when there are too many to carry a figure over. */
export async function readChangesBetween(prisma: Db, fromVersion: number, toVersion: number): Promise<DataChange[] | null> {
  const rows = await prisma.auditEvent.findMany({
    where: { id: { gt: fromVersion, lte: toVersion } },
    orderBy: { id: "asc" },
    take: MAX_CHANGES_CARRIED_OVER + 1,
    select: { id: true, action: true, entityType: true, entityId: true },
  });
  return rows.length > MAX_CHANGES_CARRIED_OVER ? null : rows;
}

interface Entry {
  version: number;
  /** When the value was last computed in full: the maximum age counts from there, not from a carry-over. */
  computedAt: number;
  value: Promise<unknown>;
  refreshing: boolean;
}

const DEFAULT_MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 200;
const entries = new Map<string, Entry>();

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
 * while a fresh one is computed in the background, so no request waits for the clock. A failed
 * computation is not kept.
 */
export async function memoizeByDataVersion<T>(prisma: Db, key: string, compute: () => Promise<T>, options: MemoOptions<T> = {}): Promise<T> {
  const { maxAgeMs = DEFAULT_MAX_AGE_MS, now = Date.now(), carryOver } = options;
  const { database, version } = await readDataVersion(prisma);
  const entryKey = `${database}|${key}`;
  const cached = entries.get(entryKey);

  if (cached && cached.version === version) {
    if (now - cached.computedAt >= maxAgeMs && !cached.refreshing) {
      cached.refreshing = true;
      const fresh = compute();
      fresh.then(
        () => store(entryKey, { version, computedAt: now, value: fresh, refreshing: false }, cached),
        () => (cached.refreshing = false),
      );
    }
    return cached.value as Promise<T>;
  }

  const value =
    cached && carryOver && cached.version < version
      ? carryOverOrCompute(prisma, cached, version, carryOver, compute)
      : compute();
  const entry: Entry = { version, computedAt: cached && carryOver ? cached.computedAt : now, value, refreshing: false };
  store(entryKey, entry);
  value.catch(() => {
    if (entries.get(entryKey) === entry) entries.delete(entryKey);
  });
  return value;
}

async function carryOverOrCompute<T>(
  prisma: Db,
  cached: Entry,
  version: number,
  carryOver: NonNullable<MemoOptions<T>["carryOver"]>,
  compute: () => Promise<T>,
): Promise<T> {
  try {
    const [previous, changes] = await Promise.all([cached.value as Promise<T>, readChangesBetween(prisma, cached.version, version)]);
    const carried = changes ? await carryOver(previous, changes) : null;
    if (carried !== null) return carried;
  } catch {
    // The kept value failed or could not be carried over: what follows computes it afresh.
  }
  return compute();
}

// `replacing`: only when the entry is still the one the refresh started from (a write may have come meanwhile).
function store(entryKey: string, entry: Entry, replacing?: Entry): void {
  if (replacing && entries.get(entryKey) !== replacing) return;
  entries.delete(entryKey);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(entryKey, entry);
}

/**
 * A version number that stays the same while every write since it was read passes `leavesUnchanged`:
 * the key of figures that most writes cannot affect (a closed week's coverage is untouched by a cell
 * edited today).
 */
export function readStableVersion(prisma: Db, key: string, leavesUnchanged: (change: DataChange) => boolean): Promise<number> {
  return memoizeByDataVersion(prisma, `stable-version|${key}`, async () => (await readDataVersion(prisma)).version, {
    carryOver: (version, changes) => (changes.every(leavesUnchanged) ? version : null),
    maxAgeMs: Number.POSITIVE_INFINITY,
  });
}

export function clearDataVersionCache(): void {
  entries.clear();
}
