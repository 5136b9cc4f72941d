import type { Db } from "@/lib/db/client";
import type { PersonOption } from "@/lib/ownership/cell-detail";
import { cellKey, type ConcernHome, type Criticality, type Gap, type RaciRole } from "@/lib/rules";
import { loadSnapshotAt } from "@/lib/ownership/current-snapshot";
import { pageOfCells, type BoardPageRequest, type BoardPagination } from "./board-page";
import type { ReviewHeader } from "./header";
import { itemViewSelect, toItemView, type ItemView } from "./item-view";
import { loadReviewCells } from "./scope";

/**
 * Everything the review screen needs for a draft: each cell of the review with its holders, last
 * confirmation, open gaps, incoming hand-off and saved decision, plus the people and teams the
 * decisions can name. One query per list, whatever the number of cells.
 */

export interface BoardHolder {
  personId: number;
  name: string;
  teamName: string | null;
  role: RaciRole;
  active: boolean;
}

export interface IncomingHandoff {
  fromTeamName: string;
  byName: string | null;
  note: string | null;
  at: Date;
}

export interface BoardCell {
  key: string;
  assetId: number;
  assetKey: string;
  assetName: string;
  assetKind: string;
  criticality: Criticality;
  concernId: number;
  concernKey: string;
  concernName: string;
  concernHome: ConcernHome;
  holders: BoardHolder[];
  /** The oldest confirmation among the A holders (what the stale rule looks at); null if one never was. */
  lastConfirmedAt: Date | null;
  gaps: Gap[];
  handoffs: IncomingHandoff[];
  item: ItemView | null;
}

export interface ReviewBoard {
  header: ReviewHeader;
  cells: BoardCell[];
  people: PersonOption[];
  teams: { id: number; name: string }[];
}

const ROLE_ORDER: Record<RaciRole, number> = { A: 0, R: 1, C: 2, I: 3 };

/** One page of the board (its cells, with the people and teams decisions can name) and the whole review's figures. */
export interface ReviewBoardPage {
  board: ReviewBoard;
  pagination: BoardPagination;
}

/**
 * The board of one page of the review: the review's cells are found (and their decisions counted) in
 * full, the page's cells alone get their asset names and named holders, as a large team's review runs to
 * thousands of cells. A review not created yet has its scope and no decisions.
 */
export async function loadBoardOf(prisma: Db, header: ReviewHeader, now: Date, request: BoardPageRequest): Promise<ReviewBoardPage> {
  const itemRows = header.id === null ? [] : await prisma.reviewItem.findMany({ where: { reviewId: header.id }, select: itemViewSelect });
  const items = new Map(itemRows.map((row) => [cellKey(row.assetId, row.concernId), toItemView(row)]));
  const { cells: scope } = await loadReviewCells(prisma, header.team, header, itemRows, now, await loadSnapshotAt(prisma, now));
  const { cells, pagination } = pageOfCells(scope, (cell) => items.get(cellKey(cell.assetId, cell.concernId))?.decision ?? null, request);
  const [assets, concerns, people, teams, handoffRows] = await Promise.all([
    prisma.asset.findMany({ where: { id: { in: [...new Set(cells.map((c) => c.assetId))] } }, select: { id: true, name: true, kind: { select: { label: true } } } }),
    prisma.concern.findMany({ select: { id: true, name: true } }),
    prisma.person.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true, teamId: true, deactivatedAt: true, team: { select: { name: true, function: true } } },
    }),
    prisma.team.findMany({ where: { id: { not: header.team.id } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listIncomingHandoffs(prisma, header.team.id, header.previousWeekOpensAt, header.opensAt),
  ]);
  const assetById = new Map(assets.map((asset) => [asset.id, asset]));
  const concernName = new Map(concerns.map((concern) => [concern.id, concern.name]));
  const personById = new Map(people.map((person) => [person.id, person]));
  const handoffs = new Map<string, IncomingHandoff[]>();
  for (const row of handoffRows) {
    const key = cellKey(row.assetId, row.concernId);
    handoffs.set(key, [...(handoffs.get(key) ?? []), { fromTeamName: row.review.team.name, byName: row.decidedBy?.name ?? null, note: row.note, at: row.decidedAt }]);
  }

  const board: ReviewBoard = {
    header,
    cells: cells.map((cell): BoardCell => {
      const key = cellKey(cell.assetId, cell.concernId);
      const accountable = cell.holders.filter((holder) => holder.role === "A");
      const confirmations = accountable.map((holder) => holder.confirmedAt);
      return {
        key: `${cell.assetKey}/${cell.concernKey}`,
        assetId: cell.assetId,
        assetKey: cell.assetKey,
        assetName: assetById.get(cell.assetId)?.name ?? cell.assetKey,
        assetKind: assetById.get(cell.assetId)?.kind.label ?? cell.assetKindKey,
        criticality: cell.assetCriticality,
        concernId: cell.concernId,
        concernKey: cell.concernKey,
        concernName: concernName.get(cell.concernId) ?? cell.concernKey,
        concernHome: cell.concernHome,
        holders: cell.holders
          .map((holder) => {
            const person = personById.get(holder.personId);
            return {
              personId: holder.personId,
              name: person?.name ?? "Unknown",
              teamName: person?.team?.name ?? null,
              role: holder.role,
              active: !person?.deactivatedAt || person.deactivatedAt > now,
            };
          })
          .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name)),
        lastConfirmedAt:
          confirmations.length === 0 || confirmations.some((at) => at === null)
            ? null
            : new Date(Math.min(...confirmations.map((at) => at!.getTime()))),
        gaps: cell.gaps,
        handoffs: handoffs.get(key) ?? [],
        item: items.get(key) ?? null,
      };
    }),
    people: people
      .filter((person) => !person.deactivatedAt || person.deactivatedAt > now)
      .map((person) => ({
        id: person.id,
        name: person.name,
        email: person.email,
        teamId: person.teamId,
        teamName: person.team?.name ?? null,
        function: person.team?.function ?? null,
      })),
    teams,
  };
  return { board, pagination };
}

/** Hand-offs to the team from the submitted reviews of the week before, with who sent them and why. */
function listIncomingHandoffs(prisma: Db, teamId: number, previousWeekOpensAt: Date, weekOpensAt: Date) {
  return prisma.reviewItem.findMany({
    where: {
      decision: "handoff",
      handoffTeamId: teamId,
      review: { status: "submitted", cycle: { opensAt: { gte: previousWeekOpensAt, lt: weekOpensAt } } },
    },
    select: {
      assetId: true,
      concernId: true,
      note: true,
      decidedAt: true,
      decidedBy: { select: { name: true } },
      review: { select: { team: { select: { name: true } } } },
    },
  });
}
