import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { AssetAttributes, AttributeHistory, ConcernHome, Period, PersonAttributes, TeamFunction } from "@/lib/rules";

type Reader = Db | Prisma.TransactionClient;

interface PeriodRow {
  id: number;
  startedAt: Date;
  endedAt: Date | null;
}

/** Earlier than any date Tandem will be asked about: where a period that reaches back indefinitely starts. */
const THE_BEGINNING = new Date(-8.64e15);

/**
 * Rows (ordered by id, then start) grouped into each id's periods. What came before a row's first period is
 * not known (the row was made then, or existed before the history was kept), so its first values stand for
 * all the time before: they never make a past figure differ from what it was when it was first shown.
 */
function groupPeriods<Row extends PeriodRow, Value>(rows: readonly Row[], valueOf: (row: Row) => Value, reachesBack = (_row: Row, first: boolean) => first): Map<number, Period<Value>[]> {
  const byId = new Map<number, Period<Value>[]>();
  for (const row of rows) {
    const list = byId.get(row.id);
    const period = { value: valueOf(row), startedAt: reachesBack(row, !list) ? THE_BEGINNING : row.startedAt, endedAt: row.endedAt };
    if (list) list.push(period);
    else byId.set(row.id, [period]);
  }
  return byId;
}

// A period that ended after `after` (ever, without a date): a change of its row since.
function endedAfter(after: Date | undefined): Prisma.Sql {
  return after ? Prisma.sql`"endedAt" > ${after}` : Prisma.sql`"endedAt" IS NOT NULL`;
}

// Only the rows (`owner`: their id column) that changed after `after`: a row that did not is, at any time
// since, as it is now (its first values reach back), so it needs no history. A change ends a period.
function changedRows(owner: string, table: string, after: Date | undefined): Prisma.Sql {
  const column = Prisma.raw(`"${owner}"`);
  return Prisma.sql`WHERE p.${column} IN (SELECT ${column} FROM ${Prisma.raw(`"${table}"`)} WHERE ${endedAfter(after)})`;
}

/**
 * The attribute history the database triggers keep (see the migration 20261203140000_attribute_history):
 * what `catalogAsOf` needs to read the organisation as it was on any past date: the history of the rows
 * that changed, the others being as they are now. With `after`, only of what changed since then, which is
 * all that reading the organisation as of `after` needs: for today, next to nothing. Teams are few, and a
 * person who moved reads the function of their team then, so every team's history is always read.
 */
export async function loadAttributeHistory(prisma: Reader, after?: Date): Promise<AttributeHistory> {
  const [assets, concernHomes, concernKinds, people, teamFunctions] = await Promise.all([
    prisma.$queryRaw<(PeriodRow & AssetAttributes)[]>`
      SELECT p."assetId" AS id, k.key AS "kindKey", p.criticality::text AS criticality, p.lifecycle::text AS lifecycle, p."startedAt", p."endedAt"
      FROM "AssetPeriod" p JOIN "AssetKind" k ON k.id = p."kindId" ${changedRows("assetId", "AssetPeriod", after)}
      ORDER BY p."assetId", p."startedAt", p.id`,
    prisma.$queryRaw<(PeriodRow & { home: ConcernHome })[]>`
      SELECT p."concernId" AS id, p.home::text AS home, p."startedAt", p."endedAt" FROM "ConcernPeriod" p
      ${changedRows("concernId", "ConcernPeriod", after)} ORDER BY p."concernId", p."startedAt", p.id`,
    prisma.$queryRaw<(PeriodRow & { kindKey: string; fromTheStart: boolean })[]>`
      SELECT p."concernId" AS id, k.key AS "kindKey", p."startedAt", p."endedAt",
             p."startedAt" <= GREATEST(c."createdAt", k."createdAt") AS "fromTheStart"
      FROM "ConcernApplicabilityPeriod" p JOIN "AssetKind" k ON k.id = p."kindId" JOIN "Concern" c ON c.id = p."concernId"
      WHERE p."concernId" IN (
        -- A concern changed when it stopped applying to a kind, or was given one after it and the kind were made.
        SELECT x."concernId" FROM "ConcernApplicabilityPeriod" x
          JOIN "AssetKind" xk ON xk.id = x."kindId" JOIN "Concern" xc ON xc.id = x."concernId"
        WHERE ${endedAfter(after)} OR (x."startedAt" > GREATEST(xc."createdAt", xk."createdAt") ${after ? Prisma.sql`AND x."startedAt" > ${after}` : Prisma.empty}))
      ORDER BY p."concernId", p."startedAt", p.id`,
    prisma.$queryRaw<(PeriodRow & PersonAttributes)[]>`
      SELECT p."personId" AS id, p."teamId", p.active, p."startedAt", p."endedAt" FROM "PersonPeriod" p
      ${changedRows("personId", "PersonPeriod", after)} ORDER BY p."personId", p."startedAt", p.id`,
    prisma.$queryRaw<(PeriodRow & { function: TeamFunction })[]>`
      SELECT p."teamId" AS id, p.function::text AS function, p."startedAt", p."endedAt" FROM "TeamPeriod" p
      ORDER BY p."teamId", p."startedAt", p.id`,
  ]);
  return {
    assets: groupPeriods(assets, (row) => ({ kindKey: row.kindKey, criticality: row.criticality, lifecycle: row.lifecycle })),
    concernHomes: groupPeriods(concernHomes, (row) => row.home),
    // A concern applies to several kinds at once: what reaches back is what it applied to when it or the
    // kind was made, not a kind it was given later.
    concernKinds: groupPeriods(concernKinds, (row) => row.kindKey, (row) => row.fromTheStart),
    people: groupPeriods(people, (row) => ({ teamId: row.teamId, active: row.active })),
    teamFunctions: groupPeriods(teamFunctions, (row) => row.function),
  };
}
