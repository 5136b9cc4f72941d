import type { Db } from "@/lib/db/client";
import type { DataChange } from "@/lib/cache/kept-figures";
import { Prisma } from "@/lib/db/generated/client";
import {
  buildCells,
  cellKey,
  evaluateCell,
  evaluateCells,
  peopleAsOf,
  type CellHolder,
  type EvaluatedCell,
  type RaciRole,
  type ReviewDecision,
  type RulePerson,
  type RuleSettings,
} from "@/lib/rules";
import { cellEffectOf } from "./change-effects";
import { loadRuleCatalogAsOf } from "./rule-catalog";

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

type Reader = Db | Prisma.TransactionClient;

interface CellRef {
  assetId: number;
  concernId: number;
}

// Restricts a query on "Assignment" a / "ReviewItem" i to some cells; no restriction without a list.
function onlyCells(alias: "a" | "i", cells: readonly CellRef[] | undefined): Prisma.Sql {
  if (!cells) return Prisma.empty;
  const assetIds = cells.map((cell) => cell.assetId);
  const concernIds = cells.map((cell) => cell.concernId);
  return Prisma.sql`AND (${Prisma.raw(`${alias}."assetId"`)}, ${Prisma.raw(`${alias}."concernId"`)}) IN (SELECT * FROM unnest(${assetIds}::int[], ${concernIds}::int[]))`;
}

/** Holders of every cell (or of the cells given) as of a date, each with their latest confirmation by then. */
async function loadHolders(prisma: Reader, asOf: Date, cells?: readonly CellRef[]): Promise<Map<string, CellHolder[]>> {
  const rows = await prisma.$queryRaw<{ assetId: number; concernId: number; personId: number; role: RaciRole; confirmedAt: Date | null }[]>`
    SELECT a."assetId", a."concernId", a."personId", a.role::text AS role,
           (SELECT max(c."confirmedAt") FROM "AssignmentConfirmation" c
             WHERE c."assignmentId" = a.id AND c."confirmedAt" <= ${asOf}) AS "confirmedAt"
    FROM "Assignment" a
    WHERE a."startedAt" <= ${asOf} AND (a."endedAt" IS NULL OR a."endedAt" > ${asOf}) ${onlyCells("a", cells)}`;
  const holders = new Map<string, CellHolder[]>();
  for (const row of rows) {
    const key = cellKey(row.assetId, row.concernId);
    const list = holders.get(key) ?? [];
    list.push({ personId: row.personId, role: row.role, confirmedAt: row.confirmedAt });
    holders.set(key, list);
  }
  return holders;
}

/** The decision of the latest submitted review that decided each cell (or each cell given) by a date. */
async function loadLatestDecisions(prisma: Reader, asOf: Date, cells?: readonly CellRef[]): Promise<Map<string, ReviewDecision>> {
  const rows = await prisma.$queryRaw<{ assetId: number; concernId: number; decision: ReviewDecision }[]>`
    SELECT DISTINCT ON (i."assetId", i."concernId") i."assetId", i."concernId", i.decision::text AS decision
    FROM "ReviewItem" i JOIN "Review" r ON r.id = i."reviewId"
    WHERE r.status = 'submitted' AND r."submittedAt" <= ${asOf} ${onlyCells("i", cells)}
    ORDER BY i."assetId", i."concernId", r."submittedAt" DESC, i.id DESC`;
  return new Map(rows.map((row) => [cellKey(row.assetId, row.concernId), row.decision]));
}

export async function loadOwnershipSnapshot(prisma: Reader, asOf: Date = new Date()): Promise<OwnershipSnapshot> {
  const [{ settings, assets, concerns, people }, holders, decisions] = await Promise.all([
    loadRuleCatalogAsOf(prisma, asOf),
    loadHolders(prisma, asOf),
    loadLatestDecisions(prisma, asOf),
  ]);
  const rulePeople = peopleAsOf(people, asOf);
  const cells = buildCells(assets, concerns, holders, decisions, asOf);
  return { asOf, settings, cells: evaluateCells(cells, rulePeople, asOf, settings), people: rulePeople };
}

/**
 * Today's snapshot brought up to date with the writes since it was loaded, reading and evaluating again
 * only the cells they touched; null when a write may have changed more than its cells. The patched
 * snapshot is dated `now`; its other cells keep the evaluation of its first load (their time-driven
 * gaps are refreshed when the snapshot is next loaded in full).
 */
export async function patchOwnershipSnapshot(prisma: Db, snapshot: OwnershipSnapshot, changes: readonly DataChange[], now: Date): Promise<OwnershipSnapshot | null> {
  const cellNames = new Set<string>();
  const reviewIds: number[] = [];
  const clearedIn = new Set<number>();
  for (const change of changes) {
    const effect = cellEffectOf(change);
    if (effect.kind === "any") return null;
    if (effect.kind === "cell") cellNames.add(effect.name);
    if (effect.kind === "review-cells") reviewIds.push(effect.reviewId);
    if (change.action === "review-item.cleared") clearedIn.add(Number(change.entityId));
  }
  // Reopened, an item cleared, submitted again: the cleared cell is no longer among the review's items.
  if (reviewIds.some((id) => clearedIn.has(id))) return null;
  const wanted = new Set(cellNames);
  if (reviewIds.length > 0) {
    const items = await prisma.reviewItem.findMany({
      where: { reviewId: { in: reviewIds } },
      select: { asset: { select: { key: true } }, concern: { select: { key: true } } },
    });
    for (const item of items) wanted.add(`${item.asset.key}/${item.concern.key}`);
  }
  // One pass, comparing keys the cells already hold: no key is built for the tens of thousands untouched.
  const wantedAssets = new Set([...wanted].map((name) => name.slice(0, name.indexOf("/"))));
  const positions = new Set<number>();
  snapshot.cells.forEach((cell, position) => {
    if (wantedAssets.has(cell.assetKey) && wanted.has(`${cell.assetKey}/${cell.concernKey}`)) positions.add(position);
  });
  // A write named a cell the snapshot does not have (a new asset, a concern that now applies): load afresh.
  if (positions.size < wanted.size) return null;
  if (positions.size === 0) return { ...snapshot, asOf: now };

  const touched = [...positions].map((position) => snapshot.cells[position]!);
  const [holders, decisions] = await Promise.all([loadHolders(prisma, now, touched), loadLatestDecisions(prisma, now, touched)]);
  const cells = snapshot.cells.slice();
  for (const position of positions) {
    const { covered: _covered, gaps: _gaps, score: _score, ...input } = cells[position]!;
    const key = cellKey(input.assetId, input.concernId);
    cells[position] = evaluateCell(
      { ...input, holders: holders.get(key) ?? [], latestReviewDecision: decisions.get(key) ?? null },
      snapshot.people,
      now,
      snapshot.settings,
    );
  }
  return { ...snapshot, asOf: now, cells };
}
