-- A concern can apply to every asset kind, those added later included (DESIGN.md gives privacy-compliance
-- and security-access to every kind). Existing concerns that apply to every kind today are marked so
-- only when they are those two of the default catalog: any other list of kinds stays an admin's choice.
ALTER TABLE "Concern" ADD COLUMN "appliesToEveryKind" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Concern" SET "appliesToEveryKind" = true WHERE "key" IN ('privacy-compliance', 'security-access');

-- Kinds added before this migration get those two concerns too.
INSERT INTO "ConcernApplicability" ("concernId", "kindId")
SELECT c.id, k.id FROM "Concern" c CROSS JOIN "AssetKind" k
WHERE c."appliesToEveryKind"
ON CONFLICT DO NOTHING;
