import { cellNumber } from "./as-of";
import { COLLABORATION_ROLES } from "./hotspots";
import { listHolderIds } from "./holders";
import { compareText } from "./order";
import type {
  ConcernHotspotRollUp,
  EvaluatedCell,
  Hotspot,
  HotspotRollUps,
  RulePerson,
  TeamPairHotspotRollUp,
} from "./types";

// Team pairs are keyed by number: one key per pair per hotspot, tens of thousands of them.
const TEAM_IDS = 2 ** 21;

/**
 * Rolls hotspot scores up by concern and by (marketing team, IT team) pair. A cell counts toward every
 * pair formed by the teams of its A, R and C holders, so one cell shared by two marketing teams and one
 * IT team feeds two pairs. Both lists are sorted by score descending, ties by key, for stable charts.
 */
export function rollUpHotspots(
  hotspots: Hotspot[],
  cells: EvaluatedCell[],
  people: Map<number, RulePerson>,
): HotspotRollUps {
  const hotspotCells = new Set(hotspots.map((hotspot) => cellNumber(hotspot.assetId, hotspot.concernId)));
  const cellsByNumber = new Map<number, EvaluatedCell>();
  for (const cell of cells) {
    const key = cellNumber(cell.assetId, cell.concernId);
    if (hotspotCells.has(key)) cellsByNumber.set(key, cell);
  }
  const byConcern = new Map<string, ConcernHotspotRollUp>();
  const byTeamPair = new Map<number, TeamPairHotspotRollUp>();

  for (const hotspot of hotspots) {
    const concern = byConcern.get(hotspot.concernKey) ?? {
      concernKey: hotspot.concernKey,
      score: 0,
      cells: 0,
    };
    concern.score += hotspot.score;
    concern.cells += 1;
    byConcern.set(hotspot.concernKey, concern);

    const cell = cellsByNumber.get(cellNumber(hotspot.assetId, hotspot.concernId));
    if (!cell) continue;
    const { marketingTeamIds, itTeamIds } = listSideTeamIds(cell, people);
    for (const marketingTeamId of marketingTeamIds) {
      for (const itTeamId of itTeamIds) {
        const key = marketingTeamId * TEAM_IDS + itTeamId;
        const pair = byTeamPair.get(key) ?? { marketingTeamId, itTeamId, score: 0, cells: 0 };
        pair.score += hotspot.score;
        pair.cells += 1;
        byTeamPair.set(key, pair);
      }
    }
  }

  return {
    byConcern: [...byConcern.values()].sort(
      (a, b) => b.score - a.score || compareText(a.concernKey, b.concernKey),
    ),
    byTeamPair: [...byTeamPair.values()].sort(
      (a, b) => b.score - a.score || a.marketingTeamId - b.marketingTeamId || a.itTeamId - b.itTeamId,
    ),
  };
}

function listSideTeamIds(
  cell: EvaluatedCell,
  people: Map<number, RulePerson>,
): { marketingTeamIds: Set<number>; itTeamIds: Set<number> } {
  const marketingTeamIds = new Set<number>();
  const itTeamIds = new Set<number>();
  for (const personId of listHolderIds(cell, COLLABORATION_ROLES)) {
    const person = people.get(personId);
    if (!person || person.teamId === null) continue;
    if (person.function === "marketing") marketingTeamIds.add(person.teamId);
    if (person.function === "it") itTeamIds.add(person.teamId);
  }
  return { marketingTeamIds, itTeamIds };
}
