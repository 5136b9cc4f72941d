-- Sessions ended by signing out, so that a refreshed copy of their cookie is refused too.
CREATE TABLE "RevokedSession" (
    "sessionId" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("sessionId")
);

CREATE INDEX "RevokedSession_personId_idx" ON "RevokedSession"("personId");
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");

ALTER TABLE "RevokedSession" ADD CONSTRAINT "RevokedSession_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
