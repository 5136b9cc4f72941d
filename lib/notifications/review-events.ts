import type { Prisma } from "@/lib/db/generated/client";
import { notifyChannel, notifyPeople } from "./notify";

type Tx = Prisma.TransactionClient;

export interface HandedOffCell {
  handoffTeamId: number;
  assetName: string;
  concernName: string;
}

/**
 * A submitted review that hands cells to other teams tells each receiving team's managers (and its chat channel)
 * at once, in the submit's transaction: one message per receiving team and review, listing the cells.
 */
export async function notifyHandoffs(tx: Tx, review: { id: number; teamName: string; isoWeek: string }, cells: readonly HandedOffCell[]): Promise<void> {
  const byTeam = new Map<number, HandedOffCell[]>();
  for (const cell of cells) byTeam.set(cell.handoffTeamId, [...(byTeam.get(cell.handoffTeamId) ?? []), cell]);
  if (byTeam.size === 0) return;
  const managers = await tx.person.findMany({
    where: { teamId: { in: [...byTeam.keys()] }, role: "manager", deactivatedAt: null },
    select: { id: true, teamId: true },
  });
  for (const [teamId, handed] of byTeam) {
    const count = handed.length === 1 ? "1 cell" : `${handed.length} cells`;
    const title = `${review.teamName} handed ${count} to your team`;
    const body = [
      `${review.teamName}'s review of ${review.isoWeek} hands these to your team:`,
      handed.map((cell) => `- ${cell.assetName} · ${cell.concernName}`).join("\n"),
      "They come into your team's review next week, to decide who owns them.",
    ].join("\n\n");
    const dedupe = `handoff:${review.id}:${review.isoWeek}:team:${teamId}`;
    await notifyPeople(
      tx,
      managers.filter((manager) => manager.teamId === teamId).map((manager) => ({ kind: "handoff_received", personId: manager.id, dedupeKey: `${dedupe}:person:${manager.id}`, title, body, link: "/review" })),
    );
    await notifyChannel(tx, { kind: "handoff_received", teamId, dedupeKey: `${dedupe}:chat`, title, body, link: "/review" });
  }
}
