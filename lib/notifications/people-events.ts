import type { Prisma } from "@/lib/db/generated/client";
import { notifyChannel, notifyPeople, type PersonMessage } from "./notify";

type Tx = Prisma.TransactionClient;

/**
 * Events about people, written in the transaction of the write that causes them.
 */

/**
 * A person who held A or R on cells left: the admins and the managers of their team (whose review now holds
 * those cells, with an inactive owner) are told which cells, as is the team's chat channel and the
 * organisation's. Nothing is said of someone who held none.
 */
export async function notifyHolderLeft(tx: Tx, personId: number, leftAt: Date): Promise<void> {
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { name: true, teamId: true } });
  const held = await tx.assignment.findMany({
    where: { personId, endedAt: null, role: { in: ["A", "R"] }, asset: { lifecycle: { not: "retired" } } },
    orderBy: [{ asset: { name: "asc" } }, { concern: { name: "asc" } }, { role: "asc" }],
    select: { role: true, asset: { select: { key: true, name: true } }, concern: { select: { name: true } } },
  });
  if (held.length === 0) return;
  const recipients = await tx.person.findMany({
    where: { deactivatedAt: null, OR: [{ role: "admin" }, ...(person.teamId === null ? [] : [{ role: "manager" as const, teamId: person.teamId }])] },
    select: { id: true },
  });
  const cells = held.length === 1 ? "1 cell" : `${held.length} cells`;
  const title = `${person.name} left: ${cells} without an active owner`;
  const body = [`${person.name} left and still holds these, which now show an inactive-owner gap until someone takes them over:`, held.map((cell) => `- ${cell.asset.name} · ${cell.concern.name} (${cell.role})`).join("\n")].join("\n\n");
  const link = `/people/${personId}`;
  const dedupe = `holder-left:${personId}:${leftAt.toISOString()}`;
  const messages: PersonMessage[] = recipients.map((recipient) => ({ kind: "holder_left", personId: recipient.id, dedupeKey: `${dedupe}:person:${recipient.id}`, title, body, link }));
  await notifyPeople(tx, messages);
  await notifyChannel(tx, { kind: "holder_left", teamId: null, dedupeKey: `${dedupe}:organisation`, title, body, link });
  if (person.teamId !== null) await notifyChannel(tx, { kind: "holder_left", teamId: person.teamId, dedupeKey: `${dedupe}:team`, title, body, link });
}
