import type { Db } from "@/lib/db/client";
import { memoizeByDataVersion } from "@/lib/db/data-version";
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
  });
}

/** The snapshot as of a date when one is asked for, else today's shared one. */
export function loadSnapshotAsOf(prisma: Db, asOf?: Date): Promise<OwnershipSnapshot> {
  return asOf ? loadOwnershipSnapshot(prisma, asOf) : loadCurrentSnapshot(prisma);
}
