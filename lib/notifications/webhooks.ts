import { z } from "zod";
import type { AuditEntry } from "@/lib/audit/record";
import { getPrisma, type Db } from "@/lib/db/client";
import type { ChatFormat, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { encryptWebhookUrl, isWebUrl, urlHint } from "./chat";

/**
 * The chat webhooks admins set: one for the organisation and one per team. Setting one replaces the one there
 * was; the URL is encrypted before it is written, and neither the screen nor the audit trail ever gets more of
 * it than its hint.
 */

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

const teamIdSchema = z.number().int().positive().nullable();

export const setWebhookSchema = z.object({
  /** null: the organisation's webhook. */
  teamId: teamIdSchema,
  format: z.enum(["slack", "teams"], { error: "Choose Slack or Microsoft Teams." }),
  url: z.string().trim().min(1, "Paste the webhook's URL.").max(2000, "At most 2,000 characters.").refine(isWebUrl, "Give an http:// or https:// address."),
});

export const removeWebhookSchema = z.object({ teamId: teamIdSchema });

/** Where a webhook posts, for the audit trail and the log: the team's name, or the organisation. */
const destinationOf = async (tx: Tx, teamId: number | null) => {
  if (teamId === null) return "the organisation";
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
  if (!team) throw new AppError("not-found", "No such team.");
  return team.name;
};

export async function setChatWebhook(tx: Tx, input: z.output<typeof setWebhookSchema>, audit: Audit) {
  const destination = await destinationOf(tx, input.teamId);
  const before = await tx.chatWebhook.findFirst({ where: { teamId: input.teamId }, select: { id: true, format: true, urlHint: true } });
  const data = { format: input.format, urlCiphertext: encryptWebhookUrl(input.url), urlHint: urlHint(input.url) };
  const after = before
    ? await tx.chatWebhook.update({ where: { id: before.id }, data, select: { id: true, format: true, urlHint: true } })
    : await tx.chatWebhook.create({ data: { ...data, teamId: input.teamId }, select: { id: true, format: true, urlHint: true } });
  await audit({
    action: "chat-webhook.set",
    entityType: "chat-webhook",
    entityId: after.id,
    before: before ? { destination, format: before.format, urlHint: before.urlHint } : undefined,
    after: { destination, format: after.format, urlHint: after.urlHint },
  });
  return after;
}

export async function removeChatWebhook(tx: Tx, input: z.output<typeof removeWebhookSchema>, audit: Audit) {
  const destination = await destinationOf(tx, input.teamId);
  const webhook = await tx.chatWebhook.findFirst({ where: { teamId: input.teamId }, select: { id: true, format: true, urlHint: true } });
  if (!webhook) throw new AppError("not-found", `No chat webhook is set for ${destination}.`);
  await tx.chatWebhook.delete({ where: { id: webhook.id } });
  await audit({ action: "chat-webhook.removed", entityType: "chat-webhook", entityId: webhook.id, before: { destination, format: webhook.format, urlHint: webhook.urlHint } });
  return { id: webhook.id };
}

export interface WebhookSlot {
  teamId: number | null;
  /** "Organisation", or the team's name. */
  destination: string;
  webhook: { id: number; format: ChatFormat; urlHint: string; updatedAt: Date } | null;
}

/** The organisation's slot, then each team's, set or not. */
export async function listWebhookSlots(db: Db = getPrisma()): Promise<WebhookSlot[]> {
  const [teams, webhooks] = await Promise.all([
    db.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.chatWebhook.findMany({ select: { id: true, teamId: true, format: true, urlHint: true, updatedAt: true } }),
  ]);
  const byTeam = new Map(webhooks.map(({ teamId, ...webhook }) => [teamId, webhook]));
  return [{ id: null, name: "Organisation" }, ...teams].map((team) => ({ teamId: team.id, destination: team.name, webhook: byTeam.get(team.id) ?? null }));
}
