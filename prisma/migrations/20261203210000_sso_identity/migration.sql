-- The identity a person's single sign-on provider gave them at their first sign-in through it (the ID
-- token's iss and sub): a later token for the same email with another subject is someone else (an address
-- reassigned at the provider, or an account that claims it) and is refused.
ALTER TABLE "Person" ADD COLUMN "ssoIssuer" TEXT;
ALTER TABLE "Person" ADD COLUMN "ssoSubject" TEXT;

CREATE UNIQUE INDEX "Person_ssoIssuer_ssoSubject_key" ON "Person"("ssoIssuer", "ssoSubject");
