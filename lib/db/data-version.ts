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

interface Entry {
  version: number;
  computedAt: number;
  value: Promise<unknown>;
}

const DEFAULT_MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 200;
const entries = new Map<string, Entry>();

/**
 * The value of `compute` for the current data version: computed once, then shared (concurrent requests
 * wait for the same computation) until a write is recorded or `maxAgeMs` has passed. A failed
 * computation is not kept.
 */
export async function memoizeByDataVersion<T>(
  prisma: Db,
  key: string,
  compute: () => Promise<T>,
  { maxAgeMs = DEFAULT_MAX_AGE_MS, now = Date.now() }: { maxAgeMs?: number; now?: number } = {},
): Promise<T> {
  const { database, version } = await readDataVersion(prisma);
  const entryKey = `${database}|${key}`;
  const cached = entries.get(entryKey);
  if (cached && cached.version === version && now - cached.computedAt < maxAgeMs) return cached.value as Promise<T>;

  const value = compute();
  entries.delete(entryKey);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(entryKey, { version, computedAt: now, value });
  value.catch(() => {
    if (entries.get(entryKey)?.value === value) entries.delete(entryKey);
  });
  return value;
}

export function clearDataVersionCache(): void {
  entries.clear();
}
