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
import { loadRuleCatalog } from "./rule-catalog";

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
  const [{ settings, assets, concerns, people }, holderRows, decisionRows] = await Promise.all([
    loadRuleCatalog(prisma),
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

  const holders = new Map<string, CellHolder[]>();
  for (const row of holderRows) {
    const key = cellKey(row.assetId, row.concernId);
    const list = holders.get(key) ?? [];
    list.push({ personId: row.personId, role: row.role, confirmedAt: row.confirmedAt });
    holders.set(key, list);
  }
  const decisions = new Map(decisionRows.map((row) => [cellKey(row.assetId, row.concernId), row.decision]));
  const rulePeople = peopleAsOf(people, asOf);
  const cells = buildCells(assets, concerns, holders, decisions, asOf);
  return { asOf, settings, cells: evaluateCells(cells, rulePeople, asOf, settings), people: rulePeople };
}
