-- A value that changes whenever the database's contents are replaced or its schema changes (a restore,
-- a migration): what app instances keep in memory is keyed by it, so none of it outlives such a change.
CREATE TABLE "DatabaseEpoch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "epoch" TEXT NOT NULL,

    CONSTRAINT "DatabaseEpoch_pkey" PRIMARY KEY ("id")
);

INSERT INTO "DatabaseEpoch" ("id", "epoch") VALUES (1, gen_random_uuid()::text);
