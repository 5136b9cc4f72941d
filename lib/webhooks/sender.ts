import "server-only";
import { Webhook } from "standardwebhooks";
import type { Db } from "@/lib/db/client";
import type { ClaimedDelivery, SendOutcome } from "@/lib/notifications/outbox";
import { postWebhook } from "./post";
import { openSecret } from "./secret";

/**
 * The outbox's sender for webhooks (registered in lib/notifications/outbox.ts's SENDERS): signs the event's
 * body as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`:
 * `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` under the endpoint's secret) and POSTs it. The id is
 * the event's, the same on every attempt; the timestamp is the attempt's, so a receiver's replay window
 * (five minutes in the libraries) holds for a retry too. 2xx is sent; anything else fails and is retried.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */
export async function sendWebhookDelivery(delivery: ClaimedDelivery, db: Db): Promise<SendOutcome> {
  const event = delivery.webhookEvent;
  if (!event) return { status: "failed", error: "A webhook delivery without its event." };
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: Number(delivery.target) },
    select: { url: true, secretCiphertext: true, enabled: true },
  });
  if (!endpoint) return { status: "failed", error: "The endpoint was deleted." };
  if (!endpoint.enabled) return { status: "failed", error: "The endpoint is disabled." };
  let secret: string;
  try {
    secret = openSecret(endpoint.secretCiphertext);
  } catch (error) {
    return { status: "failed", error: (error as Error).message };
  }
  const body = JSON.stringify(event.payload);
  const timestamp = new Date();
  const result = await postWebhook(
    endpoint.url,
    {
      "content-type": "application/json",
      "user-agent": "Tandem-Webhooks/1",
      "webhook-id": event.messageId,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(event.messageId, timestamp, body),
    },
    body,
  );
  if (result.kind === "unreachable") return { status: "failed", error: result.reason };
  if (result.status >= 200 && result.status < 300) return { status: "sent" };
  return {
    status: "failed",
    error: `The endpoint answered ${result.status}${result.body ? `: ${result.body}` : "."}`,
  };
}
