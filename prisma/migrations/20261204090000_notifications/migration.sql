-- Notifications (issue 16): what Tandem tells people, in the app, by mail and in chat.
CREATE TYPE "NotificationKind" AS ENUM ('week-opened', 'review-reminder', 'review-overdue', 'handoff-received', 'ownership-assigned', 'holder-left', 'weekly-digest', 'test');
CREATE TYPE "DeliveryChannel" AS ENUM ('mail', 'chat');
CREATE TYPE "DeliveryStatus" AS ENUM ('queued', 'sending', 'sent', 'failed');
CREATE TYPE "ChatFormat" AS ENUM ('slack', 'teams');

-- One message: to a person (their inbox when `inApp`, and deliveries by mail), or to a chat channel only
-- (no person). `dedupeKey` makes each message exist once whoever causes it, however often.
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "personId" INTEGER,
    "dedupeKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");
CREATE INDEX "Notification_personId_inApp_createdAt_idx" ON "Notification"("personId", "inApp", "createdAt");
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The outbox: each delivery of a message on a channel, written in the transaction of what caused it, sent by
-- the worker with retries. `target` is the address (mail) or the webhook's id (chat).
CREATE TABLE "Delivery" (
    "id" SERIAL NOT NULL,
    "notificationId" INTEGER NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "target" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "notBefore" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Delivery_notificationId_channel_target_key" ON "Delivery"("notificationId", "channel", "target");
CREATE INDEX "Delivery_status_notBefore_idx" ON "Delivery"("status", "notBefore");
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A person's choice for one kind of message on one channel ('in-app' or 'mail'); absent: the organisation's default.
CREATE TABLE "NotificationPreference" (
    "personId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("personId", "kind", "channel")
);
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The organisation's defaults, set by admins; absent: Tandem's own (lib/notifications/preferences.ts).
CREATE TABLE "NotificationDefault" (
    "kind" "NotificationKind" NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationDefault_pkey" PRIMARY KEY ("kind", "channel")
);

-- Chat incoming webhooks: one per team, and one for the organisation (no team). The URL is a secret: kept
-- encrypted with a key derived from AUTH_SECRET, never shown back but for its hint.
CREATE TABLE "ChatWebhook" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER,
    "format" "ChatFormat" NOT NULL,
    "urlCiphertext" TEXT NOT NULL,
    "urlHint" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChatWebhook_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ChatWebhook_teamId_key" ON "ChatWebhook"("teamId");
-- At most one for the organisation: NULLs are distinct in a unique index.
CREATE UNIQUE INDEX "ChatWebhook_organisation_key" ON "ChatWebhook"((1)) WHERE "teamId" IS NULL;
ALTER TABLE "ChatWebhook" ADD CONSTRAINT "ChatWebhook_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- How many hours before the review's due time the reminder goes out.
ALTER TABLE "OrganisationSettings" ADD COLUMN "reminderHoursBefore" INTEGER NOT NULL DEFAULT 24;
