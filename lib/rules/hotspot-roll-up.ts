import type { ScoredHotspot } from "./hotspots";
import { compareText } from "./order";
import type { ConcernHotspotRollUp, HotspotRollUps, RulePerson, TeamPairHotspotRollUp } from "./types";

// Team pairs are keyed by number: one key per pair per hotspot, tens of thousands of them.
const TEAM_IDS = 2 ** 21;

/**
 * Rolls hotspot scores up by concern and by (marketing team, IT team) pair. A cell counts toward every
 * pair formed by the teams of its A, R and C holders, so one cell shared by two marketing teams and one
 * IT team feeds two pairs. Both lists are sorted by score descending, ties by key, for stable charts.
 */
export function rollUpHotspots(scored: readonly ScoredHotspot[], people: Map<number, RulePerson>): HotspotRollUps {
  const byConcern = new Map<string, ConcernHotspotRollUp>();
  const byTeamPair = new Map<number, TeamPairHotspotRollUp>();

  for (const { hotspot, holderIds } of scored) {
    let concern = byConcern.get(hotspot.concernKey);
    if (!concern) byConcern.set(hotspot.concernKey, (concern = { concernKey: hotspot.concernKey, score: 0, cells: 0 }));
    concern.score += hotspot.score;
    concern.cells += 1;

    const { marketingTeamIds, itTeamIds } = listSideTeamIds(holderIds, people);
    for (const marketingTeamId of marketingTeamIds) {
      for (const itTeamId of itTeamIds) {
        const key = marketingTeamId * TEAM_IDS + itTeamId;
        let pair = byTeamPair.get(key);
        if (!pair) byTeamPair.set(key, (pair = { marketingTeamId, itTeamId, score: 0, cells: 0 }));
        pair.score += hotspot.score;
        pair.cells += 1;
      }
    }
  }

  return {
    byConcern: [...byConcern.values()].sort((a, b) => b.score - a.score || compareText(a.concernKey, b.concernKey)),
    byTeamPair: [...byTeamPair.values()].sort(
      (a, b) => b.score - a.score || a.marketingTeamId - b.marketingTeamId || a.itTeamId - b.itTeamId,
    ),
  };
}

// The teams of each side among a cell's holders; a cell has a handful of holders, so arrays, not sets.
function listSideTeamIds(holderIds: readonly number[], people: Map<number, RulePerson>): { marketingTeamIds: number[]; itTeamIds: number[] } {
  const marketingTeamIds: number[] = [];
  const itTeamIds: number[] = [];
  for (const personId of holderIds) {
    const person = people.get(personId);
    if (!person || person.teamId === null) continue;
    const side = person.function === "marketing" ? marketingTeamIds : person.function === "it" ? itTeamIds : null;
    if (side && !side.includes(person.teamId)) side.push(person.teamId);
  }
  return { marketingTeamIds, itTeamIds };
}
