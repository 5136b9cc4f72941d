-- API tokens for /api/v1 (README, "API"). A personal token acts as its person with that person's role; a
-- service token, made by an admin, acts with the role (and, for a manager, the team) it was given. Only the
-- SHA-256 of the secret is kept, so a copy of the database lets nobody in; `prefix` is the start of the token
-- shown once, kept so a list can tell tokens apart.
CREATE TYPE "ApiTokenKind" AS ENUM ('personal', 'service');

CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "kind" "ApiTokenKind" NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "personId" INTEGER,
    "role" "PersonRole",
    "teamId" INTEGER,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id"),
    -- A personal token has its person and takes their role; a service token has a role of its own, and a
    -- team exactly when that role is manager.
    CONSTRAINT "ApiToken_kind_check" CHECK (
        ("kind" = 'personal' AND "personId" IS NOT NULL AND "role" IS NULL AND "teamId" IS NULL)
        OR ("kind" = 'service' AND "personId" IS NULL AND "role" IN ('admin', 'manager', 'viewer')
            AND ("teamId" IS NOT NULL) = ("role" = 'manager'))
    )
);

CREATE UNIQUE INDEX "ApiToken_secretHash_key" ON "ApiToken"("secretHash");
CREATE INDEX "ApiToken_personId_idx" ON "ApiToken"("personId");

ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The token a write came through, for every audit event of that write's transaction: the API's write wrapper
-- sets `tandem.api_token_id` for its transaction only (set_config(..., true)), so no code path that records
-- an event can forget to name the token.
ALTER TABLE "AuditEvent" ADD COLUMN "apiTokenId" INTEGER DEFAULT NULLIF(current_setting('tandem.api_token_id', true), '')::integer;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
