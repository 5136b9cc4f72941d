-- Tandem's initial schema, kept in step with prisma/schema.prisma by lib/db/schema-drift.test.ts.

-- CreateEnum
CREATE TYPE "TeamFunction" AS ENUM ('marketing', 'it', 'other');
CREATE TYPE "PersonRole" AS ENUM ('admin', 'manager', 'viewer', 'none');
CREATE TYPE "Criticality" AS ENUM ('low', 'medium', 'high', 'critical');
CREATE TYPE "Lifecycle" AS ENUM ('planned', 'active', 'retired');
CREATE TYPE "ConcernHome" AS ENUM ('marketing', 'it', 'shared');
CREATE TYPE "RaciRole" AS ENUM ('R', 'A', 'C', 'I');
CREATE TYPE "AssignmentSource" AS ENUM ('app', 'review', 'import');
CREATE TYPE "ReviewStatus" AS ENUM ('draft', 'submitted');
CREATE TYPE "ReviewDecision" AS ENUM ('confirm', 'change', 'flag', 'handoff');
CREATE TYPE "FlagReason" AS ENUM ('owner-unclear', 'owner-leaving', 'needs-other-team', 'other');

-- CreateTable
CREATE TABLE "OrganisationSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL DEFAULT 'My organisation',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "staleAfterDays" INTEGER NOT NULL DEFAULT 28,
    "overloadHighCriticalCells" INTEGER NOT NULL DEFAULT 15,
    "overloadConcernSharePct" INTEGER NOT NULL DEFAULT 25,
    "overloadConcernMinCells" INTEGER NOT NULL DEFAULT 20,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrganisationSettings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OrganisationSettings_single_row" CHECK ("id" = 1)
);

CREATE TABLE "Team" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "function" "TeamFunction" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "teamId" INTEGER,
    "role" "PersonRole" NOT NULL DEFAULT 'none',
    "passwordHash" TEXT,
    "deactivatedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Person_email_lower_case" CHECK ("email" = lower("email"))
);

CREATE TABLE "AssetKind" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssetKind_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Asset" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kindId" INTEGER NOT NULL,
    "criticality" "Criticality" NOT NULL,
    "lifecycle" "Lifecycle" NOT NULL DEFAULT 'active',
    "url" TEXT,
    "vendor" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Concern" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "home" "ConcernHome" NOT NULL,
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ConcernApplicability" (
    "concernId" INTEGER NOT NULL,
    "kindId" INTEGER NOT NULL,

    CONSTRAINT "ConcernApplicability_pkey" PRIMARY KEY ("concernId","kindId")
);

CREATE TABLE "Assignment" (
    "id" SERIAL NOT NULL,
    "assetId" INTEGER NOT NULL,
    "concernId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" "RaciRole" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),
    "source" "AssignmentSource" NOT NULL,
    "createdById" INTEGER,
    "endedById" INTEGER,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Assignment_ends_after_start" CHECK ("endedAt" IS NULL OR "endedAt" >= "startedAt")
);

CREATE TABLE "AssignmentConfirmation" (
    "id" SERIAL NOT NULL,
    "assignmentId" INTEGER NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedById" INTEGER,
    "reviewId" INTEGER,
    "source" "AssignmentSource" NOT NULL,

    CONSTRAINT "AssignmentConfirmation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReviewCycle" (
    "id" SERIAL NOT NULL,
    "isoWeek" TEXT NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewCycle_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "teamId" INTEGER NOT NULL,
    "managerId" INTEGER,
    "status" "ReviewStatus" NOT NULL DEFAULT 'draft',
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" INTEGER,
    "reopenedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReviewItem" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "assetId" INTEGER NOT NULL,
    "concernId" INTEGER NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "note" TEXT,
    "flagReason" "FlagReason",
    "handoffTeamId" INTEGER,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReviewItemNewOwner" (
    "reviewItemId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" "RaciRole" NOT NULL,

    CONSTRAINT "ReviewItemNewOwner_pkey" PRIMARY KEY ("reviewItemId","personId","role")
);

CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_name_key" ON "Team"("name");
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");
CREATE INDEX "Person_teamId_idx" ON "Person"("teamId");
CREATE UNIQUE INDEX "AssetKind_key_key" ON "AssetKind"("key");
CREATE UNIQUE INDEX "Asset_key_key" ON "Asset"("key");
CREATE INDEX "Asset_kindId_idx" ON "Asset"("kindId");
CREATE INDEX "Asset_lifecycle_criticality_idx" ON "Asset"("lifecycle", "criticality");
CREATE UNIQUE INDEX "Concern_key_key" ON "Concern"("key");
CREATE INDEX "ConcernApplicability_kindId_idx" ON "ConcernApplicability"("kindId");
CREATE INDEX "Assignment_assetId_concernId_endedAt_idx" ON "Assignment"("assetId", "concernId", "endedAt");
CREATE INDEX "Assignment_personId_endedAt_idx" ON "Assignment"("personId", "endedAt");
CREATE INDEX "Assignment_concernId_endedAt_idx" ON "Assignment"("concernId", "endedAt");
CREATE INDEX "Assignment_startedAt_idx" ON "Assignment"("startedAt");
CREATE INDEX "Assignment_endedAt_idx" ON "Assignment"("endedAt");
-- Not expressible in schema.prisma: one current assignment per cell, person and role.
CREATE UNIQUE INDEX "Assignment_one_current_per_holder" ON "Assignment"("assetId", "concernId", "personId", "role") WHERE "endedAt" IS NULL;
CREATE INDEX "AssignmentConfirmation_assignmentId_confirmedAt_idx" ON "AssignmentConfirmation"("assignmentId", "confirmedAt");
CREATE INDEX "AssignmentConfirmation_confirmedAt_idx" ON "AssignmentConfirmation"("confirmedAt");
CREATE UNIQUE INDEX "ReviewCycle_isoWeek_key" ON "ReviewCycle"("isoWeek");
CREATE INDEX "ReviewCycle_opensAt_idx" ON "ReviewCycle"("opensAt");
CREATE UNIQUE INDEX "Review_cycleId_teamId_key" ON "Review"("cycleId", "teamId");
CREATE INDEX "Review_teamId_status_idx" ON "Review"("teamId", "status");
CREATE UNIQUE INDEX "ReviewItem_reviewId_assetId_concernId_key" ON "ReviewItem"("reviewId", "assetId", "concernId");
CREATE INDEX "ReviewItem_assetId_concernId_idx" ON "ReviewItem"("assetId", "concernId");
CREATE INDEX "ReviewItem_handoffTeamId_decision_idx" ON "ReviewItem"("handoffTeamId", "decision");
CREATE INDEX "AuditEvent_entityType_entityId_at_idx" ON "AuditEvent"("entityType", "entityId", "at");
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "AssetKind"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ConcernApplicability" ADD CONSTRAINT "ConcernApplicability_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ConcernApplicability" ADD CONSTRAINT "ConcernApplicability_kindId_fkey" FOREIGN KEY ("kindId") REFERENCES "AssetKind"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AssignmentConfirmation" ADD CONSTRAINT "AssignmentConfirmation_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AssignmentConfirmation" ADD CONSTRAINT "AssignmentConfirmation_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AssignmentConfirmation" ADD CONSTRAINT "AssignmentConfirmation_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Review" ADD CONSTRAINT "Review_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Review" ADD CONSTRAINT "Review_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Review" ADD CONSTRAINT "Review_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Review" ADD CONSTRAINT "Review_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "Review"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_handoffTeamId_fkey" FOREIGN KEY ("handoffTeamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ReviewItemNewOwner" ADD CONSTRAINT "ReviewItemNewOwner_reviewItemId_fkey" FOREIGN KEY ("reviewItemId") REFERENCES "ReviewItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewItemNewOwner" ADD CONSTRAINT "ReviewItemNewOwner_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
