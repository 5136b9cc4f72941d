import type { AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { checkWebhookHost } from "./address-guard";
import { emitWebhookEvents, Subscribers } from "./emit";
import { TEST_EVENT_TYPE } from "./event-types";
import type { CreateEndpointInput, UpdateEndpointInput } from "./schemas";
import { generateSigningSecret, sealSecret, secretHint } from "./secret";

/**
 * The webhook endpoints admins keep in Settings -> Webhooks. Tandem makes each signing secret and answers it
 * once, when the endpoint is made or its secret rolled; the screen, the audit trail and the log only ever get
 * its hint. An address that is not public is refused when saved (./address-guard.ts), and again at delivery.
 */

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

const described = { id: true, url: true, description: true, events: true, enabled: true, secretHint: true } as const;

async function ensurePublicHost(url: string): Promise<void> {
  const refusal = await checkWebhookHost(url);
  if (refusal) throw new AppError("invalid", refusal, { fieldErrors: { url: [refusal] } });
}

async function findEndpoint(tx: Tx, id: number) {
  const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: described });
  if (!endpoint) throw new AppError("not-found", "This webhook endpoint does not exist.");
  return endpoint;
}

export async function createWebhookEndpoint(tx: Tx, input: CreateEndpointInput, audit: Audit): Promise<{ id: number; secret: string }> {
  await ensurePublicHost(input.url);
  const secret = generateSigningSecret();
  const created = await tx.webhookEndpoint.create({
    data: { url: input.url, description: input.description, events: input.events, secretCiphertext: sealSecret(secret), secretHint: secretHint(secret) },
    select: described,
  });
  await audit({ action: "webhook-endpoint.created", entityType: "webhook-endpoint", entityId: created.id, after: created });
  return { id: created.id, secret };
}

export async function updateWebhookEndpoint(tx: Tx, id: number, input: UpdateEndpointInput, audit: Audit): Promise<{ id: number }> {
  const before = await findEndpoint(tx, id);
  if (input.url !== before.url) await ensurePublicHost(input.url);
  const after = await tx.webhookEndpoint.update({ where: { id }, data: { url: input.url, description: input.description, events: input.events, enabled: input.enabled }, select: described });
  await audit({ action: "webhook-endpoint.updated", entityType: "webhook-endpoint", entityId: id, before, after });
  return { id };
}

/** Deletes the endpoint with its deliveries (its log), and the events no other endpoint still has. */
export async function deleteWebhookEndpoint(tx: Tx, id: number, audit: Audit): Promise<{ id: number }> {
  const before = await findEndpoint(tx, id);
  await tx.delivery.deleteMany({ where: { channel: "webhook", target: String(id) } });
  await tx.$executeRaw`DELETE FROM "WebhookEvent" e WHERE NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."webhookEventId" = e.id)`;
  await tx.webhookEndpoint.delete({ where: { id } });
  await audit({ action: "webhook-endpoint.deleted", entityType: "webhook-endpoint", entityId: id, before });
  return { id };
}

/** A new secret, answered once; deliveries from now on are signed with it (a retry too). */
export async function rollWebhookSecret(tx: Tx, id: number, audit: Audit): Promise<{ id: number; secret: string }> {
  const before = await findEndpoint(tx, id);
  const secret = generateSigningSecret();
  await tx.webhookEndpoint.update({ where: { id }, data: { secretCiphertext: sealSecret(secret), secretHint: secretHint(secret) } });
  await audit({ action: "webhook-endpoint.secret-rolled", entityType: "webhook-endpoint", entityId: id, before: { secretHint: before.secretHint }, after: { secretHint: secretHint(secret) } });
  return { id, secret };
}

/** A `webhook.test` event for this endpoint alone, whatever it subscribes to; delivered once the write commits. */
export async function writeTestEvent(tx: Tx, id: number, audit: Audit, now = new Date()): Promise<{ webhookEventId: number }> {
  const endpoint = await findEndpoint(tx, id);
  if (!endpoint.enabled) throw new AppError("invalid", "This endpoint is disabled: enable it to send it a test event.");
  const [webhookEventId] = await emitWebhookEvents(
    tx,
    new Subscribers(new Map([[TEST_EVENT_TYPE, [id]]])),
    [{ type: TEST_EVENT_TYPE, data: { endpoint_id: id, message: "A test event from Settings -> Webhooks." } }],
    now,
  );
  await audit({ action: "webhook-endpoint.test-sent", entityType: "webhook-endpoint", entityId: id, after: { url: endpoint.url } });
  return { webhookEventId: webhookEventId! };
}
