-- Outgoing webhooks (issue 17, item 4): endpoints admins register, the events sent to them, and their
-- deliveries in the notifications' outbox.
ALTER TYPE "DeliveryChannel" ADD VALUE 'webhook';

CREATE TABLE "WebhookEndpoint" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "secretCiphertext" TEXT NOT NULL,
    "secretHint" TEXT NOT NULL,
    "events" TEXT[] NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);
-- Every write that can emit an event asks which endpoints subscribe to its types: `events && ARRAY[...]`.
CREATE INDEX "WebhookEndpoint_events_idx" ON "WebhookEndpoint" USING GIN ("events");

-- Written only when an enabled endpoint subscribes to the type; `payload` is the whole body sent.
CREATE TABLE "WebhookEvent" (
    "id" SERIAL NOT NULL,
    "messageId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WebhookEvent_messageId_key" ON "WebhookEvent"("messageId");

-- A delivery is now of a message (mail, chat) or of a webhook event (webhook), never both.
ALTER TABLE "Delivery" ALTER COLUMN "notificationId" DROP NOT NULL;
ALTER TABLE "Delivery" ADD COLUMN "webhookEventId" INTEGER;
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_one_subject_check" CHECK (num_nonnulls("notificationId", "webhookEventId") = 1);
CREATE UNIQUE INDEX "Delivery_webhookEventId_target_key" ON "Delivery"("webhookEventId", "target");
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_webhookEventId_fkey" FOREIGN KEY ("webhookEventId") REFERENCES "WebhookEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
