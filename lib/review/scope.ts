import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { listCellsHandedOffTo } from "@/lib/ownership/handoffs";
import { loadOwnershipSnapshot, type OwnershipSnapshot } from "@/lib/ownership/snapshot";
import { computeReviewScope, type EvaluatedCell, type TeamFunction } from "@/lib/rules";
import { cycleWindow } from "./iso-week";
import { withDecidedCells, type CellId } from "./review-cells";

export type Reader = Db | Prisma.TransactionClient;

export interface ReviewTeam {
  id: number;
  name: string;
  function: TeamFunction;
}

export interface ReviewCells {
  /** The cells to decide, critical assets first. */
  cells: EvaluatedCell[];
  snapshot: OwnershipSnapshot;
  /** Cells handed off to the team in the week before the review's week. */
  handedOff: CellId[];
}

/**
 * The snapshot reads only through model queries and `$queryRaw`, which a transaction client has too:
 * inside a write the scope must be read in the same transaction that the decision depends on.
 */
export function loadSnapshot(db: Reader, now: Date): Promise<OwnershipSnapshot> {
  return loadOwnershipSnapshot(db, now);
}

/**
 * A team's review cells for an ISO week, as the organisation stands at `now`: the review scope of
 * DESIGN.md section 3 (hand-offs are those of the week before `isoWeek`) plus the cells already decided.
 */
export async function loadReviewCells(
  db: Reader,
  team: Pick<ReviewTeam, "id" | "function">,
  week: { isoWeek: string; timeZone: string },
  decided: CellId[],
  now: Date,
  snapshot?: OwnershipSnapshot,
): Promise<ReviewCells> {
  const { opensAt } = cycleWindow(week.isoWeek, week.timeZone);
  // One after the other: inside a transaction both run on the same connection anyway.
  const loaded = snapshot ?? (await loadSnapshot(db, now));
  // The week's Monday lies in the week, so "the previous week" of it is the week before the review's.
  const handedOff = await listCellsHandedOffTo(db, team.id, opensAt, week.timeZone);
  const scope = computeReviewScope(team, loaded.cells, loaded.people, handedOff);
  return { cells: withDecidedCells(scope, loaded.cells, decided), snapshot: loaded, handedOff };
}

