-- The history of the attributes that figures as of a past date depend on (DESIGN.md section 3, "As of"):
-- a person's team and whether they are active, a team's function, an asset's kind, criticality and
-- lifecycle, a concern's home and the kinds it applies to. One row per span of time in which they did not
-- change, from "startedAt" until "endedAt" (null: still so).
--
-- Triggers write it, in the transaction of the change, whatever makes the change (the app, an import, SQL
-- by hand), so no write path can forget it. A change takes effect at the transaction's time, except a
-- departure and a retirement, which take effect at the time recorded with them ("deactivatedAt",
-- "retiredAt"), as the figures of today read them. A restore sets tandem.restoring so that copying the rows
-- back does not open periods of its own: the backup holds them.

CREATE TABLE "PersonPeriod" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "active" BOOLEAN NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PersonPeriod_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "TeamPeriod" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "function" "TeamFunction" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TeamPeriod_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AssetPeriod" (
    "id" SERIAL NOT NULL,
    "assetId" INTEGER NOT NULL,
    "kindId" INTEGER NOT NULL,
    "criticality" "Criticality" NOT NULL,
    "lifecycle" "Lifecycle" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AssetPeriod_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ConcernPeriod" (
    "id" SERIAL NOT NULL,
    "concernId" INTEGER NOT NULL,
    "home" "ConcernHome" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ConcernPeriod_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ConcernApplicabilityPeriod" (
    "id" SERIAL NOT NULL,
    "concernId" INTEGER NOT NULL,
    "kindId" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ConcernApplicabilityPeriod_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PersonPeriod_personId_startedAt_idx" ON "PersonPeriod"("personId", "startedAt");
CREATE INDEX "TeamPeriod_teamId_startedAt_idx" ON "TeamPeriod"("teamId", "startedAt");
CREATE INDEX "AssetPeriod_assetId_startedAt_idx" ON "AssetPeriod"("assetId", "startedAt");
CREATE INDEX "ConcernPeriod_concernId_startedAt_idx" ON "ConcernPeriod"("concernId", "startedAt");
CREATE INDEX "ConcernApplicabilityPeriod_concernId_kindId_startedAt_idx" ON "ConcernApplicabilityPeriod"("concernId", "kindId", "startedAt");
CREATE INDEX "ConcernApplicabilityPeriod_kindId_idx" ON "ConcernApplicabilityPeriod"("kindId");

-- One open period per row: two would make "the value now" ambiguous.
CREATE UNIQUE INDEX "PersonPeriod_open_key" ON "PersonPeriod"("personId") WHERE "endedAt" IS NULL;
CREATE UNIQUE INDEX "TeamPeriod_open_key" ON "TeamPeriod"("teamId") WHERE "endedAt" IS NULL;
CREATE UNIQUE INDEX "AssetPeriod_open_key" ON "AssetPeriod"("assetId") WHERE "endedAt" IS NULL;
CREATE UNIQUE INDEX "ConcernPeriod_open_key" ON "ConcernPeriod"("concernId") WHERE "endedAt" IS NULL;
CREATE UNIQUE INDEX "ConcernApplicabilityPeriod_open_key" ON "ConcernApplicabilityPeriod"("concernId", "kindId") WHERE "endedAt" IS NULL;

ALTER TABLE "PersonPeriod" ADD CONSTRAINT "PersonPeriod_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TeamPeriod" ADD CONSTRAINT "TeamPeriod_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AssetPeriod" ADD CONSTRAINT "AssetPeriod_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConcernPeriod" ADD CONSTRAINT "ConcernPeriod_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConcernApplicabilityPeriod" ADD CONSTRAINT "ConcernApplicabilityPeriod_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConcernApplicabilityPeriod" ADD CONSTRAINT "ConcernApplicabilityPeriod_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "AssetKind"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The first periods of every row that has none: at this migration, and after restoring a backup made before it.
-- What came before is unknown, so the values of now stand for the time before (the first period of a row is
-- read as reaching back indefinitely); a departure and a retirement, whose dates are kept, split it in two.
CREATE FUNCTION "tandem_open_missing_periods"() RETURNS void LANGUAGE sql AS $$
  WITH missing AS (SELECT * FROM "Person" p WHERE NOT EXISTS (SELECT 1 FROM "PersonPeriod" x WHERE x."personId" = p.id))
  INSERT INTO "PersonPeriod" ("personId", "teamId", "active", "startedAt", "endedAt")
  SELECT id, "teamId", true, LEAST("createdAt", "deactivatedAt"), "deactivatedAt" FROM missing
  UNION ALL
  SELECT id, "teamId", false, "deactivatedAt", NULL FROM missing WHERE "deactivatedAt" IS NOT NULL;

  INSERT INTO "TeamPeriod" ("teamId", "function", "startedAt")
  SELECT t.id, t."function", t."createdAt" FROM "Team" t WHERE NOT EXISTS (SELECT 1 FROM "TeamPeriod" x WHERE x."teamId" = t.id);

  WITH missing AS (SELECT * FROM "Asset" a WHERE NOT EXISTS (SELECT 1 FROM "AssetPeriod" x WHERE x."assetId" = a.id))
  INSERT INTO "AssetPeriod" ("assetId", "kindId", "criticality", "lifecycle", "startedAt", "endedAt")
  SELECT id, "kindId", "criticality", CASE WHEN "retiredAt" IS NULL THEN "lifecycle" ELSE 'active'::"Lifecycle" END, LEAST("createdAt", "retiredAt"), "retiredAt"
  FROM missing
  UNION ALL
  SELECT id, "kindId", "criticality", "lifecycle", "retiredAt", NULL FROM missing WHERE "retiredAt" IS NOT NULL;

  INSERT INTO "ConcernPeriod" ("concernId", "home", "startedAt")
  SELECT c.id, c."home", c."createdAt" FROM "Concern" c WHERE NOT EXISTS (SELECT 1 FROM "ConcernPeriod" x WHERE x."concernId" = c.id);

  INSERT INTO "ConcernApplicabilityPeriod" ("concernId", "kindId", "startedAt")
  SELECT ca."concernId", ca."kindId", GREATEST(c."createdAt", k."createdAt")
  FROM "ConcernApplicability" ca JOIN "Concern" c ON c.id = ca."concernId" JOIN "AssetKind" k ON k.id = ca."kindId"
  WHERE NOT EXISTS (SELECT 1 FROM "ConcernApplicabilityPeriod" x WHERE x."concernId" = ca."concernId" AND x."kindId" = ca."kindId" AND x."endedAt" IS NULL);
$$;

SELECT "tandem_open_missing_periods"();

CREATE FUNCTION "tandem_person_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_at timestamptz;
BEGIN
  IF current_setting('tandem.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    -- Someone recorded with a departure (an import of history) was active until then.
    INSERT INTO "PersonPeriod" ("personId", "teamId", "active", "startedAt", "endedAt")
    SELECT NEW.id, NEW."teamId", true, LEAST(NEW."createdAt", NEW."deactivatedAt"), NEW."deactivatedAt"
    UNION ALL
    SELECT NEW.id, NEW."teamId", false, NEW."deactivatedAt", NULL WHERE NEW."deactivatedAt" IS NOT NULL;
    RETURN NULL;
  END IF;
  IF NEW."teamId" IS NOT DISTINCT FROM OLD."teamId" AND (NEW."deactivatedAt" IS NULL) = (OLD."deactivatedAt" IS NULL) THEN
    RETURN NULL;
  END IF;
  changed_at := CASE WHEN OLD."deactivatedAt" IS NULL AND NEW."deactivatedAt" IS NOT NULL THEN NEW."deactivatedAt" ELSE now() END;
  -- Never before the open period began: a period ends after it starts, and the past stays as it was.
  SELECT GREATEST(changed_at, max("startedAt")) INTO changed_at FROM "PersonPeriod" WHERE "personId" = NEW.id AND "endedAt" IS NULL;
  UPDATE "PersonPeriod" SET "endedAt" = changed_at WHERE "personId" = NEW.id AND "endedAt" IS NULL;
  INSERT INTO "PersonPeriod" ("personId", "teamId", "active", "startedAt") VALUES (NEW.id, NEW."teamId", NEW."deactivatedAt" IS NULL, changed_at);
  RETURN NULL;
END $$;

CREATE FUNCTION "tandem_team_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_at timestamptz;
BEGIN
  IF current_setting('tandem.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND NEW."function" = OLD."function" THEN RETURN NULL; END IF;
  changed_at := CASE WHEN TG_OP = 'INSERT' THEN NEW."createdAt" ELSE now() END;
  SELECT GREATEST(changed_at, max("startedAt")) INTO changed_at FROM "TeamPeriod" WHERE "teamId" = NEW.id AND "endedAt" IS NULL;
  UPDATE "TeamPeriod" SET "endedAt" = changed_at WHERE "teamId" = NEW.id AND "endedAt" IS NULL;
  INSERT INTO "TeamPeriod" ("teamId", "function", "startedAt") VALUES (NEW.id, NEW."function", changed_at);
  RETURN NULL;
END $$;

CREATE FUNCTION "tandem_asset_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_at timestamptz;
BEGIN
  IF current_setting('tandem.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    -- An asset recorded as retired (an import of history) was active until then.
    INSERT INTO "AssetPeriod" ("assetId", "kindId", "criticality", "lifecycle", "startedAt", "endedAt")
    SELECT NEW.id, NEW."kindId", NEW."criticality", CASE WHEN NEW."retiredAt" IS NULL THEN NEW."lifecycle" ELSE 'active'::"Lifecycle" END,
           LEAST(NEW."createdAt", NEW."retiredAt"), NEW."retiredAt"
    UNION ALL
    SELECT NEW.id, NEW."kindId", NEW."criticality", NEW."lifecycle", NEW."retiredAt", NULL WHERE NEW."retiredAt" IS NOT NULL;
    RETURN NULL;
  END IF;
  IF (NEW."kindId", NEW."criticality", NEW."lifecycle") = (OLD."kindId", OLD."criticality", OLD."lifecycle") THEN
    RETURN NULL;
  END IF;
  changed_at := CASE
    WHEN NEW."lifecycle" = 'retired' AND OLD."lifecycle" <> 'retired' AND NEW."retiredAt" IS NOT NULL THEN NEW."retiredAt"
    ELSE now()
  END;
  SELECT GREATEST(changed_at, max("startedAt")) INTO changed_at FROM "AssetPeriod" WHERE "assetId" = NEW.id AND "endedAt" IS NULL;
  UPDATE "AssetPeriod" SET "endedAt" = changed_at WHERE "assetId" = NEW.id AND "endedAt" IS NULL;
  INSERT INTO "AssetPeriod" ("assetId", "kindId", "criticality", "lifecycle", "startedAt")
  VALUES (NEW.id, NEW."kindId", NEW."criticality", NEW."lifecycle", changed_at);
  RETURN NULL;
END $$;

CREATE FUNCTION "tandem_concern_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_at timestamptz;
BEGIN
  IF current_setting('tandem.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND NEW."home" = OLD."home" THEN RETURN NULL; END IF;
  changed_at := CASE WHEN TG_OP = 'INSERT' THEN NEW."createdAt" ELSE now() END;
  SELECT GREATEST(changed_at, max("startedAt")) INTO changed_at FROM "ConcernPeriod" WHERE "concernId" = NEW.id AND "endedAt" IS NULL;
  UPDATE "ConcernPeriod" SET "endedAt" = changed_at WHERE "concernId" = NEW.id AND "endedAt" IS NULL;
  INSERT INTO "ConcernPeriod" ("concernId", "home", "startedAt") VALUES (NEW.id, NEW."home", changed_at);
  RETURN NULL;
END $$;

-- A concern applies to a kind from the moment it is given it; when it is given the kind as it or the kind is
-- made (in the same transaction), from the moment the later of the two was made, which is how the app reads
-- "from the start" (lib/ownership/attribute-history.ts). Creation times are stored to the millisecond.
CREATE FUNCTION "tandem_applicability_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  made_at timestamptz;
BEGIN
  IF current_setting('tandem.restoring', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT GREATEST(c."createdAt", k."createdAt") INTO made_at
    FROM "Concern" c, "AssetKind" k WHERE c.id = NEW."concernId" AND k.id = NEW."kindId";
    INSERT INTO "ConcernApplicabilityPeriod" ("concernId", "kindId", "startedAt")
    VALUES (NEW."concernId", NEW."kindId", CASE WHEN made_at >= now() - interval '1 millisecond' THEN made_at ELSE now() END);
  ELSE
    UPDATE "ConcernApplicabilityPeriod" SET "endedAt" = GREATEST(now(), "startedAt")
    WHERE "concernId" = OLD."concernId" AND "kindId" = OLD."kindId" AND "endedAt" IS NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Person_period" AFTER INSERT OR UPDATE OF "teamId", "deactivatedAt" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "tandem_person_period"();
CREATE TRIGGER "Team_period" AFTER INSERT OR UPDATE OF "function" ON "Team"
  FOR EACH ROW EXECUTE FUNCTION "tandem_team_period"();
CREATE TRIGGER "Asset_period" AFTER INSERT OR UPDATE OF "kindId", "criticality", "lifecycle" ON "Asset"
  FOR EACH ROW EXECUTE FUNCTION "tandem_asset_period"();
CREATE TRIGGER "Concern_period" AFTER INSERT OR UPDATE OF "home" ON "Concern"
  FOR EACH ROW EXECUTE FUNCTION "tandem_concern_period"();
CREATE TRIGGER "ConcernApplicability_period" AFTER INSERT OR DELETE ON "ConcernApplicability"
  FOR EACH ROW EXECUTE FUNCTION "tandem_applicability_period"();
