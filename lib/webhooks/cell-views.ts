import { Prisma } from "@/lib/db/generated/client";
import {
  cellInput,
  cellKey,
  evaluateCell,
  type Gap,
  type RaciRole,
  type ReviewDecision,
  type RulePerson,
} from "@/lib/rules";
import { readRuleSettings } from "@/lib/settings/queries";

type Tx = Prisma.TransactionClient;

/**
 * Cells as a webhook describes them: who holds them and which gaps they have now, evaluated by the one rules
 * engine (DESIGN section 3). Read a few statements at a time whatever the number of cells, inside the write's
 * transaction, so the same read before and after a write shows what the write changed.
 */

export interface CellRef {
  assetId: number;
  concernId: number;
}

export interface CellView {
  assetKey: string;
  concernKey: string;
  /** `person_email` and `role`, sorted: two views with the same holders list them alike. */
  holders: { person_email: string; role: RaciRole }[];
  covered: boolean;
  gaps: Gap[];
}

const restrictTo = (alias: string, cells: readonly CellRef[]) =>
  Prisma.sql`(${Prisma.raw(`${alias}."assetId"`)}, ${Prisma.raw(`${alias}."concernId"`)}) IN (SELECT * FROM unnest(${cells.map((cell) => cell.assetId)}::int[], ${cells.map((cell) => cell.concernId)}::int[]))`;

export async function readCellViews(
  tx: Tx,
  cells: readonly CellRef[],
  now: Date,
): Promise<Map<string, CellView>> {
  if (cells.length === 0) return new Map();
  const assetIds = [...new Set(cells.map((cell) => cell.assetId))];
  const concernIds = [...new Set(cells.map((cell) => cell.concernId))];
  const [settings, assets, concerns, holders, decisions] = await Promise.all([
    readRuleSettings(tx),
    tx.asset.findMany({
      where: { id: { in: assetIds } },
      select: { id: true, key: true, criticality: true, lifecycle: true, retiredAt: true, kind: { select: { key: true } } },
    }),
    tx.concern.findMany({ where: { id: { in: concernIds } }, select: { id: true, key: true, home: true } }),
    tx.$queryRaw<
      {
        assetId: number;
        concernId: number;
        role: RaciRole;
        confirmedAt: Date | null;
        personId: number;
        email: string;
        teamId: number | null;
        function: RulePerson["function"];
        deactivatedAt: Date | null;
      }[]
    >`
      SELECT a."assetId", a."concernId", a.role::text AS role, a."confirmedAt", p.id AS "personId", p.email, p."teamId", t.function::text AS function, p."deactivatedAt"
      FROM "Assignment" a JOIN "Person" p ON p.id = a."personId" LEFT JOIN "Team" t ON t.id = p."teamId"
      WHERE a."startedAt" <= ${now} AND (a."endedAt" IS NULL OR a."endedAt" > ${now}) AND ${restrictTo("a", cells)}`,
    tx.$queryRaw<{ assetId: number; concernId: number; decision: ReviewDecision }[]>`
      SELECT DISTINCT ON (i."assetId", i."concernId") i."assetId", i."concernId", i.decision::text AS decision
      FROM "ReviewItem" i JOIN "Review" r ON r.id = i."reviewId"
      WHERE r.status = 'submitted' AND r."submittedAt" <= ${now} AND ${restrictTo("i", cells)}
      ORDER BY i."assetId", i."concernId", r."submittedAt" DESC, i.id DESC`,
  ]);
  const assetOf = new Map(assets.map((asset) => [asset.id, asset]));
  const concernOf = new Map(concerns.map((concern) => [concern.id, concern]));
  const decisionOf = new Map(decisions.map((row) => [cellKey(row.assetId, row.concernId), row.decision]));
  const people = new Map<number, RulePerson>();
  const holdersOf = new Map<string, typeof holders>();
  for (const row of holders) {
    people.set(row.personId, {
      id: row.personId,
      email: row.email,
      teamId: row.teamId,
      function: row.function,
      active: row.deactivatedAt === null || row.deactivatedAt > now,
    });
    const key = cellKey(row.assetId, row.concernId);
    holdersOf.set(key, [...(holdersOf.get(key) ?? []), row]);
  }
  const views = new Map<string, CellView>();
  for (const cell of cells) {
    const asset = assetOf.get(cell.assetId);
    const concern = concernOf.get(cell.concernId);
    if (!asset || !concern) continue;
    const key = cellKey(cell.assetId, cell.concernId);
    const held = holdersOf.get(key) ?? [];
    const holders = held.map((row) => ({ personId: row.personId, role: row.role, confirmedAt: row.confirmedAt }));
    const evaluated = evaluateCell(cellInput({ ...asset, kindKey: asset.kind.key }, concern, holders, decisionOf.get(key) ?? null, now), people, now, settings);
    const listed = held
      .map((row) => ({ person_email: row.email, role: row.role }))
      .sort((a, b) => a.role.localeCompare(b.role) || a.person_email.localeCompare(b.person_email));
    views.set(key, {
      assetKey: asset.key,
      concernKey: concern.key,
      holders: listed,
      covered: evaluated.covered,
      gaps: evaluated.gaps,
    });
  }
  return views;
}
