import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import {
  buildCells,
  cellKey,
  evaluateCells,
  peopleAsOf,
  type CellHolder,
  type EvaluatedCell,
  type RaciRole,
  type ReviewDecision,
  type RulePerson,
  type RuleSettings,
} from "@/lib/rules";

/**
 * The organisation as the rules see it at one moment: every cell with its holders, confirmations and
 * latest review decision as of that date, evaluated by the one rules engine. The page, the CSV export
 * and the CLI all start from here.
 */
export interface OwnershipSnapshot {
  asOf: Date;
  settings: RuleSettings;
  cells: EvaluatedCell[];
  people: Map<number, RulePerson>;
}

export async function loadOwnershipSnapshot(prisma: Db | Prisma.TransactionClient, asOf: Date = new Date()): Promise<OwnershipSnapshot> {
  const [settingsRow, assets, concerns, people, holderRows, decisionRows] = await Promise.all([
    prisma.organisationSettings.findUnique({ where: { id: 1 } }),
    prisma.asset.findMany({
      select: { id: true, key: true, criticality: true, lifecycle: true, createdAt: true, retiredAt: true, kind: { select: { key: true } } },
    }),
    prisma.concern.findMany({
      select: { id: true, key: true, home: true, appliesTo: { select: { kind: { select: { key: true } } } } },
    }),
    prisma.person.findMany({
      select: { id: true, email: true, teamId: true, deactivatedAt: true, team: { select: { function: true } } },
    }),
    prisma.$queryRaw<{ assetId: number; concernId: number; personId: number; role: RaciRole; confirmedAt: Date | null }[]>`
      SELECT a."assetId", a."concernId", a."personId", a.role::text AS role,
             (SELECT max(c."confirmedAt") FROM "AssignmentConfirmation" c
               WHERE c."assignmentId" = a.id AND c."confirmedAt" <= ${asOf}) AS "confirmedAt"
      FROM "Assignment" a
      WHERE a."startedAt" <= ${asOf} AND (a."endedAt" IS NULL OR a."endedAt" > ${asOf})`,
    prisma.$queryRaw<{ assetId: number; concernId: number; decision: ReviewDecision }[]>`
      SELECT DISTINCT ON (i."assetId", i."concernId") i."assetId", i."concernId", i.decision::text AS decision
      FROM "ReviewItem" i JOIN "Review" r ON r.id = i."reviewId"
      WHERE r.status = 'submitted' AND r."submittedAt" <= ${asOf}
      ORDER BY i."assetId", i."concernId", r."submittedAt" DESC, i.id DESC`,
  ]);

  const settings: RuleSettings = {
    staleAfterDays: settingsRow?.staleAfterDays ?? 28,
    overloadHighCriticalCells: settingsRow?.overloadHighCriticalCells ?? 15,
    overloadConcernSharePct: settingsRow?.overloadConcernSharePct ?? 25,
    overloadConcernMinCells: settingsRow?.overloadConcernMinCells ?? 20,
  };
  const holders = new Map<string, CellHolder[]>();
  for (const row of holderRows) {
    const key = cellKey(row.assetId, row.concernId);
    const list = holders.get(key) ?? [];
    list.push({ personId: row.personId, role: row.role, confirmedAt: row.confirmedAt });
    holders.set(key, list);
  }
  const decisions = new Map(decisionRows.map((row) => [cellKey(row.assetId, row.concernId), row.decision]));
  const rulePeople = peopleAsOf(
    people.map((person) => ({
      id: person.id,
      email: person.email,
      teamId: person.teamId,
      function: person.team?.function ?? null,
      deactivatedAt: person.deactivatedAt,
    })),
    asOf,
  );
  const cells = buildCells(
    assets.map((asset) => ({
      id: asset.id,
      key: asset.key,
      kindKey: asset.kind.key,
      criticality: asset.criticality,
      lifecycle: asset.lifecycle,
      createdAt: asset.createdAt,
      retiredAt: asset.retiredAt,
    })),
    concerns.map((concern) => ({
      id: concern.id,
      key: concern.key,
      home: concern.home,
      kindKeys: concern.appliesTo.map((applicability) => applicability.kind.key),
    })),
    holders,
    decisions,
    asOf,
  );
  return { asOf, settings, cells: evaluateCells(cells, rulePeople, asOf, settings), people: rulePeople };
}
