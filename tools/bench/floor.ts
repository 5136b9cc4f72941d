import type pg from "pg";

/**
 * The floor the screens are compared with: overall coverage now (DESIGN.md section 3) in one query
 * written by hand for speed. A cell in scope (asset created and not retired, concern applicable to its
 * kind) is covered when its current A and R holders include exactly one distinct A, are all active, and,
 * for a shared concern, include a marketing and an IT person (people without a team count for neither);
 * the A counts as R, so one A is enough. "Exactly one distinct A" is `min = max` over the A holders'
 * ids, which PostgreSQL hashes in one pass; `count(DISTINCT ...)` would sort, and removing duplicates
 * first costs a second aggregation (both measured slower on the bench's data).
 */
export const COVERAGE_FLOOR_SQL = `
WITH owners AS (
  SELECT a."assetId", a."concernId",
         min(a."personId") FILTER (WHERE a.role = 'A') AS first_accountable,
         max(a."personId") FILTER (WHERE a.role = 'A') AS last_accountable,
         bool_and(p."deactivatedAt" IS NULL OR p."deactivatedAt" > now()) AS active,
         bool_or(t.function = 'marketing') AS marketing,
         bool_or(t.function = 'it') AS it
  FROM "Assignment" a
  JOIN "Person" p ON p.id = a."personId"
  LEFT JOIN "Team" t ON t.id = p."teamId"
  WHERE a.role IN ('A', 'R') AND a."startedAt" <= now() AND (a."endedAt" IS NULL OR a."endedAt" > now())
  GROUP BY a."assetId", a."concernId"
)
SELECT count(*)::int AS "inScope",
       (count(*) FILTER (WHERE o.first_accountable = o.last_accountable AND o.active
                           AND (c.home <> 'shared' OR (o.marketing AND o.it))))::int AS covered
FROM "Asset" s
JOIN "ConcernApplicability" ca ON ca."kindId" = s."kindId"
JOIN "Concern" c ON c.id = ca."concernId"
LEFT JOIN owners o ON o."assetId" = s.id AND o."concernId" = c.id
WHERE s."createdAt" <= now() AND NOT (s.lifecycle = 'retired' AND (s."retiredAt" IS NULL OR s."retiredAt" <= now()))`;

export interface FloorResult {
  inScope: number;
  covered: number;
  /** The fastest of the runs, in milliseconds, measured at the client. */
  bestMs: number;
  runs: number;
}

export async function measureCoverageFloor(client: pg.Client, runs: number): Promise<FloorResult> {
  let bestMs = Number.POSITIVE_INFINITY;
  let figures = { inScope: 0, covered: 0 };
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const { rows } = await client.query<{ inScope: number; covered: number }>(COVERAGE_FLOOR_SQL);
    bestMs = Math.min(bestMs, performance.now() - started);
    figures = rows[0]!;
  }
  return { ...figures, bestMs, runs };
}
