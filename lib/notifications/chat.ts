import "server-only";
import type { Db } from "@/lib/db/client";
import type { ChatFormat } from "@/lib/db/generated/client";
import { publicLink } from "@/lib/config/public-origin";
import { openSealedText, sealText, UnsealError } from "@/lib/security/sealed-text";
import type { ClaimedDelivery, SendOutcome } from "./outbox";

/**
 * The chat channel: incoming webhooks of Slack and Microsoft Teams. A webhook URL is a secret (whoever has it
 * posts to the channel), so it is kept sealed (lib/security/sealed-text.ts) and shown back only as its hint.
 */

const PURPOSE = "chat-webhook-url";
const POST_TIMEOUT_MS = 10_000;

export function encryptWebhookUrl(url: string): string {
  return sealText(PURPOSE, url);
}

export function decryptWebhookUrl(stored: string): string {
  try {
    return openSealedText(PURPOSE, stored);
  } catch (error) {
    if (error instanceof UnsealError && error.reason === "format") throw new Error("The chat webhook's stored URL is not in a format Tandem knows.");
    throw new Error("The chat webhook's URL cannot be decrypted: AUTH_SECRET has changed since it was saved (or it was altered). Set the webhook again.");
  }
}

/** What the settings screen shows of a URL: its host and its last 4 characters, enough to tell two apart. */
export function urlHint(url: string): string {
  return `${new URL(url).host}/…${url.slice(-4)}`;
}

/** Only web addresses: a webhook of another scheme (file:, javascript:) would never be a chat service. */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

export interface ChatMessage {
  title: string;
  body: string;
  /** The absolute URL of the screen the message is about. */
  url: string;
}

/**
 * Slack's incoming webhook: `blocks` render the message, `text` is the fallback for notifications and clients
 * without blocks. Slack's mrkdwn treats &, < and > as markup, so they are escaped.
 * @see https://api.slack.com/messaging/webhooks
 */
export function slackPayload(message: ChatMessage) {
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    text: `${message.title}: ${message.url}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, 150), emoji: false } },
      { type: "section", text: { type: "mrkdwn", text: escape(message.body).slice(0, 3000) } },
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Tandem" }, url: message.url }] },
    ],
  };
}

/**
 * Microsoft Teams: an Adaptive Card in a message's `attachments`. Teams Workflows webhooks ("Send webhook alerts
 * to a channel", the replacement of the Office 365 connectors Microsoft is retiring) post Adaptive Cards and do
 * not render the legacy MessageCard; old connector webhooks accept this shape too. Version 1.4 is the newest
 * that every Teams client renders.
 * @see https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
 */
export function teamsPayload(message: ChatMessage) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: message.title, weight: "Bolder", size: "Medium", wrap: true },
            ...message.body.split("\n\n").map((paragraph) => ({ type: "TextBlock", text: paragraph, wrap: true })),
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open in Tandem", url: message.url }],
        },
      },
    ],
  };
}

export const chatPayload = (format: ChatFormat, message: ChatMessage) => (format === "slack" ? slackPayload(message) : teamsPayload(message));

/**
 * The outbox's sender for chat (registered in outbox.ts's SENDERS): posts to the webhook the delivery names.
 * A 2xx is sent; anything else fails with its status and the start of the answer, never the URL, which
 * would end up in the delivery log.
 */
export async function sendChatDelivery(delivery: ClaimedDelivery, db: Db): Promise<SendOutcome> {
  const webhook = await db.chatWebhook.findUnique({ where: { id: Number(delivery.target) }, select: { format: true, urlCiphertext: true } });
  if (!webhook) return { status: "failed", error: "The chat webhook was removed." };
  let url: string;
  try {
    url = decryptWebhookUrl(webhook.urlCiphertext);
  } catch (error) {
    return { status: "failed", error: (error as Error).message };
  }
  const { notification } = delivery;
  if (!notification) return { status: "failed", error: "A chat delivery without its message." };
  const payload = chatPayload(webhook.format, { title: notification.title, body: notification.body, url: publicLink(notification.link) });
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    if (response.ok) return { status: "sent" };
    const text = (await response.text().catch(() => "")).slice(0, 200);
    return { status: "failed", error: `The chat service answered ${response.status}${text ? `: ${text}` : "."}` };
  } catch (error) {
    return { status: "failed", error: describeFailure(error) };
  }
}

/** Why a post did not get an answer, in words that never repeat the URL (fetch's own messages may). */
function describeFailure(error: unknown): string {
  if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) return `The chat service did not answer within ${POST_TIMEOUT_MS / 1000} seconds.`;
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code ? `The chat service could not be reached (${code}).` : "The chat service could not be reached.";
}
