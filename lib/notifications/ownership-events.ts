import type { Prisma } from "@/lib/db/generated/client";
import { notifyPeople } from "./notify";

type Tx = Prisma.TransactionClient;

/**
 * "You were made accountable or responsible": one message per person and clock hour. The first assignment of
 * the hour writes the message, mailed at the end of that hour; later ones in the same hour add their cells to
 * it, so that a reorganisation touching forty cells sends one mail, not forty. Nobody is told of what they did
 * themselves.
 */

const HOUR_MS = 3_600_000;

interface AssignedCell {
  personId: number;
  role: "A" | "R";
  assetId: number;
  concernId: number;
}

export async function notifyOwnershipAssigned(tx: Tx, actorId: number | null, assigned: readonly AssignedCell[], now: Date): Promise<void> {
  const others = assigned.filter((cell) => cell.personId !== actorId);
  if (others.length === 0) return;
  const [assets, concerns] = await Promise.all([
    tx.asset.findMany({ where: { id: { in: [...new Set(others.map((cell) => cell.assetId))] } }, select: { id: true, name: true, key: true } }),
    tx.concern.findMany({ where: { id: { in: [...new Set(others.map((cell) => cell.concernId))] } }, select: { id: true, name: true } }),
  ]);
  const assetOf = new Map(assets.map((asset) => [asset.id, asset]));
  const concernOf = new Map(concerns.map((concern) => [concern.id, concern.name]));
  const hourStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  for (const personId of new Set(others.map((cell) => cell.personId))) {
    const lines = others.filter((cell) => cell.personId === personId).map((cell) => `- ${assetOf.get(cell.assetId)?.name} · ${concernOf.get(cell.concernId)} (${cell.role === "A" ? "accountable" : "responsible"})`);
    const dedupeKey = `ownership-assigned:${personId}:${hourStart.toISOString()}`;
    const existing = await tx.notification.findUnique({ where: { dedupeKey }, select: { id: true, details: true } });
    const all = [...((existing?.details as { cells?: string[] } | null)?.cells ?? []), ...lines];
    const title = `You are now accountable or responsible for ${all.length === 1 ? "1 cell" : `${all.length} cells`}`;
    const body = `You now hold these:\n\n${all.join("\n")}\n\nThey are in your page's cells and in your team's review.`;
    if (existing) {
      await tx.notification.update({ where: { id: existing.id }, data: { title, body, details: { cells: all }, readAt: null } });
    } else {
      await notifyPeople(tx, [{ kind: "ownership_assigned", personId, dedupeKey, title, body, link: `/people/${personId}`, details: { cells: all }, notBefore: new Date(hourStart.getTime() + HOUR_MS) }]);
    }
  }
}
