/**
 * The events an endpoint can subscribe to (issue 17, item 4), each with what the settings screen says of it.
 * `webhook.test` is sent by "Send a test event" to one endpoint, whatever it subscribes to.
 */
export const WEBHOOK_EVENT_TYPES = [
  "cell.changed",
  "review.submitted",
  "handoff.created",
  "person.deactivated",
  "gap.opened",
  "gap.closed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const TEST_EVENT_TYPE = "webhook.test";

export const EVENT_TYPE_LABELS: Record<WebhookEventType, string> = {
  "cell.changed": "A cell's holders changed (matrix, review, import)",
  "review.submitted": "A weekly review was submitted",
  "handoff.created": "A review handed a cell to another team",
  "person.deactivated": "A person was marked as left",
  "gap.opened": "A cell got a gap it did not have",
  "gap.closed": "A cell lost a gap it had",
};
