import type { Db } from "@/lib/db/client";
import { memoizeByDataVersion } from "@/lib/cache/kept-figures";
import { loadOwnershipSnapshot, patchOwnershipSnapshot, type OwnershipSnapshot } from "./snapshot";

/**
 * The ownership snapshot of today, shared by the screens that read it (matrix, report, Home, people,
 * assets) until the next write. Callers must treat it as read-only. Writes evaluate their own snapshot
 * inside their transaction instead. After an everyday write (a cell edited, a review submitted) only the
 * cells it touched are read and evaluated again.
 */
export function loadCurrentSnapshot(prisma: Db): Promise<OwnershipSnapshot> {
  return memoizeByDataVersion(prisma, "ownership-snapshot", () => loadOwnershipSnapshot(prisma, new Date()), {
    carryOver: (snapshot, changes) => patchOwnershipSnapshot(prisma, snapshot, changes, new Date()),
    maxAgeMs: TODAY_MAX_AGE_MS,
  });
}

/**
 * How long figures of today are served before they are computed afresh in the background: writes show at
 * once, the clock's effects (a confirmation turning stale, a departure scheduled for today) within this.
 * A full computation at enterprise size takes seconds of CPU, so not every half minute.
 */
export const TODAY_MAX_AGE_MS = 5 * 60_000;

/** The snapshot as of a date when one is asked for, else today's shared one. */
export function loadSnapshotAsOf(prisma: Db, asOf?: Date): Promise<OwnershipSnapshot> {
  return asOf ? loadOwnershipSnapshot(prisma, asOf) : loadCurrentSnapshot(prisma);
}

/** Today's shared snapshot when `now` is the present (within a minute), else the snapshot as of `now`. */
export function loadSnapshotAt(prisma: Db, now: Date): Promise<OwnershipSnapshot> {
  return Math.abs(now.getTime() - Date.now()) < 60_000 ? loadCurrentSnapshot(prisma) : loadOwnershipSnapshot(prisma, now);
}
