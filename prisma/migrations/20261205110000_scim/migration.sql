-- SCIM 2.0 provisioning (README, "Provisioning with SCIM"). A SCIM token is a service token with the admin role
-- that may call /scim/v2 only, and no other token may call /scim/v2 (lib/api/caller.ts).
ALTER TABLE "ApiToken" ADD COLUMN "scim" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_scim_check" CHECK (NOT "scim" OR ("kind" = 'service' AND "role" = 'admin'));

-- The identity provider's own id for a person or a group (SCIM `externalId`), kept as it was sent and returned.
ALTER TABLE "Person" ADD COLUMN "externalId" TEXT;
ALTER TABLE "Team" ADD COLUMN "externalId" TEXT;
