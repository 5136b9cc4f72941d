-- One-time links that let someone in without a password of their own yet: the first-run set-up link, an
-- admin's invitation, a set-password link printed by `npm run admin:create`, a password reset. Only the
-- SHA-256 of the token is kept, so a copy of the database lets nobody in.
CREATE TYPE "AccountLinkPurpose" AS ENUM ('setup', 'invitation', 'set-password', 'password-reset');

CREATE TABLE "AccountLink" (
    "id" SERIAL NOT NULL,
    "purpose" "AccountLinkPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "personId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccountLink_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AccountLink_tokenHash_key" ON "AccountLink"("tokenHash");
CREATE INDEX "AccountLink_personId_purpose_idx" ON "AccountLink"("personId", "purpose");

ALTER TABLE "AccountLink" ADD CONSTRAINT "AccountLink_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AccountLink" ADD CONSTRAINT "AccountLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- When the first-run set-up was completed: from then on /setup answers 404.
ALTER TABLE "OrganisationSettings" ADD COLUMN "setupCompletedAt" TIMESTAMPTZ(3);

-- Mail kept for the admins to read (Settings -> Mailbox) on the embedded demo database, where no mail is sent.
CREATE TABLE "MailboxMessage" (
    "id" SERIAL NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailboxMessage_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "MailboxMessage_createdAt_idx" ON "MailboxMessage"("createdAt");
