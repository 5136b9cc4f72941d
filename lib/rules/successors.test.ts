import { describe, expect, it } from "vitest";
import { rankSuccessors, type Holding, type SuccessionFacts } from "./successors";

const TEAM = 1;
const OTHER_TEAM = 2;
const LEAVER = 10;
const MANAGER = 11;
const CELL = { assetId: 100, concernId: 7 };

function facts(holdings: Holding[], people: SuccessionFacts["people"] = []): SuccessionFacts {
  return {
    leaver: { id: LEAVER, teamId: TEAM },
    people: [
      { id: LEAVER, teamId: TEAM, active: false },
      { id: MANAGER, teamId: TEAM, active: true },
      { id: 20, teamId: TEAM, active: true },
      { id: 21, teamId: TEAM, active: true },
      { id: 22, teamId: TEAM, active: true },
      { id: 30, teamId: OTHER_TEAM, active: true },
      ...people,
    ],
    holdings,
    managerId: MANAGER,
  };
}

const hold = (personId: number, role: Holding["role"], assetId = CELL.assetId, concernId = CELL.concernId): Holding => ({ assetId, concernId, personId, role });

describe("rankSuccessors", () => {
  it("puts the teammates who hold R on the cell first, then those consulted on it, then the team's manager", () => {
    const ranked = rankSuccessors(facts([hold(21, "C"), hold(20, "R"), hold(LEAVER, "A")]), CELL);
    expect(ranked.map((s) => [s.personId, s.reason])).toEqual([
      [20, "responsible-here"],
      [21, "consulted-here"],
      [MANAGER, "team-manager"],
    ]);
  });

  it("ranks teammates working on the same concern elsewhere by how many assets, ignoring informed holders", () => {
    const ranked = rankSuccessors(
      facts([hold(21, "A", 101), hold(22, "R", 101), hold(22, "C", 102), hold(20, "I", 101), hold(20, "I", 102), hold(20, "R", 101, 8)]),
      CELL,
    );
    expect(ranked).toEqual([
      { personId: 22, reason: "same-concern", otherAssets: 2 },
      { personId: 21, reason: "same-concern", otherAssets: 1 },
      { personId: MANAGER, reason: "team-manager", otherAssets: 0 },
    ]);
  });

  it("never suggests people of another team, inactive people or the leaver", () => {
    const ranked = rankSuccessors(facts([hold(30, "R"), hold(40, "R"), hold(LEAVER, "R", 101)], [{ id: 40, teamId: TEAM, active: false }]), CELL);
    expect(ranked.map((s) => s.personId)).toEqual([MANAGER]);
  });

  it("lists a person once, at their best reason, and suggests nobody when the team has no one active", () => {
    expect(rankSuccessors(facts([hold(MANAGER, "R"), hold(MANAGER, "C", 101)]), CELL)).toEqual([{ personId: MANAGER, reason: "responsible-here", otherAssets: 0 }]);
    const alone: SuccessionFacts = { leaver: { id: LEAVER, teamId: TEAM }, people: [{ id: LEAVER, teamId: TEAM, active: false }], holdings: [], managerId: LEAVER };
    expect(rankSuccessors(alone, CELL)).toEqual([]);
  });

  it("suggests nobody for a leaver without a team", () => {
    const noTeam: SuccessionFacts = { ...facts([hold(20, "R")]), leaver: { id: LEAVER, teamId: null }, managerId: null };
    expect(rankSuccessors(noTeam, CELL)).toEqual([]);
  });
});
