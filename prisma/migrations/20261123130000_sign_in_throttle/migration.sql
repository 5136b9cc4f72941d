-- Failed sign-ins per account and per client, for throttling across app instances.
CREATE TABLE "SignInFailure" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SignInFailure_key_at_idx" ON "SignInFailure"("key", "at");
CREATE INDEX "SignInFailure_at_idx" ON "SignInFailure"("at");
