import type { Db } from "@/lib/db/client";
import { memoizeByDataVersion } from "@/lib/db/data-version";
import { loadOwnershipSnapshot, type OwnershipSnapshot } from "./snapshot";

/**
 * The ownership snapshot of today, shared by the screens that read it (matrix, report, Home, people,
 * assets) until the next write. Callers must treat it as read-only. Writes evaluate their own snapshot
 * inside their transaction instead.
 */
export function loadCurrentSnapshot(prisma: Db): Promise<OwnershipSnapshot> {
  return memoizeByDataVersion(prisma, "ownership-snapshot", () => loadOwnershipSnapshot(prisma, new Date()));
}
