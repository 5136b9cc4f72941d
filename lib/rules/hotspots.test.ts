import { describe, expect, it } from "vitest";
import { rollUpHotspots } from "./hotspot-roll-up";
import { isCollaborationCell, rankHotspots, scoreHotspots, scoreHotspotsWithHolders } from "./hotspots";
import { AS_OF, DAY_MS, daysBefore, holder, makeEvaluated, makePeople, makePerson } from "@/tools/testing/rule-fixtures";
import type { CellActivity, EvaluatedCell } from "./types";

const people = makePeople(
  makePerson(1, "marketing", { teamId: 10 }),
  makePerson(2, "it", { teamId: 20 }),
  makePerson(3, "marketing", { teamId: 11 }),
  makePerson(4, "it", { teamId: 21, active: false }),
  makePerson(5, "other", { teamId: 30 }),
);

const collab = (overrides: Partial<EvaluatedCell> = {}) =>
  makeEvaluated({ holders: [holder(1, "A"), holder(2, "R")], ...overrides }, people);

function event(cell: EvaluatedCell, kind: CellActivity["kind"], at: Date, source?: CellActivity["source"], assignmentId?: number) {
  const base: CellActivity = { assetId: cell.assetId, concernId: cell.concernId, kind, at };
  return { ...base, ...(source === undefined ? {} : { source }), ...(assignmentId === undefined ? {} : { assignmentId }) };
}

describe("isCollaborationCell", () => {
  it("needs a marketing and an IT person among the A, R and C holders", () => {
    expect(isCollaborationCell(collab(), people)).toBe(true);
    expect(isCollaborationCell(collab({ holders: [holder(1, "A"), holder(2, "C")] }), people)).toBe(true);
    expect(isCollaborationCell(collab({ holders: [holder(1, "A"), holder(2, "I")] }), people)).toBe(false);
    expect(isCollaborationCell(collab({ holders: [holder(1, "A"), holder(3, "R")] }), people)).toBe(false);
    expect(isCollaborationCell(collab({ holders: [holder(5, "A"), holder(2, "R")] }), people)).toBe(false);
  });

  it("counts active holders only: one who has left works with nobody (DESIGN.md section 3)", () => {
    expect(isCollaborationCell(collab({ holders: [holder(1, "A"), holder(4, "R")] }), people)).toBe(false);
    expect(isCollaborationCell(collab({ holders: [holder(1, "A"), holder(4, "R"), holder(2, "C")] }), people)).toBe(true);
  });
});

describe("scoreHotspots", () => {
  it("scores a quiet two-person cell 1 x criticality weight", () => {
    const cell = collab({ assetCriticality: "high" });
    expect(scoreHotspots([cell], people, [], AS_OF)).toEqual([
      {
        assetId: cell.assetId,
        assetKey: cell.assetKey,
        concernId: cell.concernId,
        concernKey: cell.concernKey,
        score: 3,
        flags: 0,
        ownershipChanges: 0,
        handoffs: 0,
        distinctHolders: 2,
      },
    ]);
  });

  it("adds 2 per flag, 1 per non-import ownership change and handoff, and holders beyond two", () => {
    const cell = collab({
      assetCriticality: "medium",
      holders: [
        holder(1, "A"),
        holder(2, "R"),
        holder(3, "C"),
        holder(5, "C"),
        holder(1, "R"),
        holder(9, "I"),
      ],
    });
    const other = collab();
    const activity = [
      event(cell, "flag", daysBefore(1)),
      event(cell, "flag", daysBefore(2)),
      event(cell, "assignment-started", daysBefore(3), "app"),
      event(cell, "assignment-ended", daysBefore(3), "review"),
      event(cell, "assignment-started", daysBefore(3)),
      event(cell, "assignment-started", daysBefore(3), "import"),
      event(cell, "assignment-ended", daysBefore(3), "import"),
      event(cell, "handoff", daysBefore(4)),
      event(other, "flag", daysBefore(1)),
    ];
    const [hotspot] = scoreHotspots([cell], people, activity, AS_OF);
    // (1 + 2x2 + 3 + 1 + (4 - 2)) x 2
    expect(hotspot).toMatchObject({
      flags: 2,
      ownershipChanges: 3,
      handoffs: 1,
      distinctHolders: 4,
      score: 22,
    });
  });

  it("counts each assignment once, started and ended in the window alike, and no holder who has left", () => {
    // Active: 1 (marketing), 2 and 2 again (IT, as A and C), 3 (marketing); 4 (IT) has left.
    const cell = collab({ assetCriticality: "medium", holders: [holder(1, "A"), holder(2, "R"), holder(2, "C"), holder(3, "C"), holder(4, "C")] });
    const activity = [
      // Assignment 70 started and ended in the window: one change. 71 started before it and ended in it: one.
      event(cell, "assignment-started", daysBefore(20), "app", 70),
      event(cell, "assignment-ended", daysBefore(10), "review", 70),
      event(cell, "assignment-started", daysBefore(60), "app", 71),
      event(cell, "assignment-ended", daysBefore(5), "app", 71),
    ];
    const [hotspot] = scoreHotspots([cell], people, activity, AS_OF);
    // Distinct active holders 1, 2, 3: (1 + 0 flags + 2 changes + 0 hand-offs + (3 - 2)) x 2 (medium).
    expect(hotspot).toMatchObject({ ownershipChanges: 2, distinctHolders: 3, score: 8 });
  });

  it("counts events in (asOf - 8 weeks, asOf] only", () => {
    const cell = collab();
    const activity = [
      event(cell, "flag", AS_OF),
      event(cell, "flag", new Date(AS_OF.getTime() + 1)),
      event(cell, "handoff", new Date(AS_OF.getTime() - 56 * DAY_MS)),
      event(cell, "handoff", new Date(AS_OF.getTime() - 56 * DAY_MS + 1)),
    ];
    expect(scoreHotspots([cell], people, activity, AS_OF)[0]).toMatchObject({
      flags: 1,
      handoffs: 1,
      score: 4,
    });
  });

  it("honours a custom window", () => {
    const cell = collab();
    const activity = [event(cell, "flag", daysBefore(8))];
    expect(scoreHotspots([cell], people, activity, AS_OF, 1)[0]?.flags).toBe(0);
    expect(scoreHotspots([cell], people, activity, AS_OF, 2)[0]?.flags).toBe(1);
  });

  it("skips non-collaboration and retired cells; ranks by score then keys", () => {
    const cells = [
      collab({ assetKey: "b", concernKey: "y" }),
      collab({ assetKey: "b", concernKey: "x" }),
      collab({ assetKey: "a", concernKey: "z", assetCriticality: "critical" }),
      collab({ assetKey: "A", concernKey: "z" }),
      collab({ assetKey: "0", inScope: false, assetCriticality: "critical" }),
      makeEvaluated({ assetKey: "1", holders: [holder(1, "A")] }, people),
    ];
    expect(scoreHotspots(cells, people, [], AS_OF).map((h) => [h.assetKey, h.concernKey, h.score])).toEqual([
      ["a", "z", 5],
      ["A", "z", 1],
      ["b", "x", 1],
      ["b", "y", 1],
    ]);
  });
});

describe("rollUpHotspots", () => {
  it("sums scores and counts cells by concern and by marketing x IT team pair", () => {
    const cells = [
      // Teams 10 and 11 (marketing) with 20 (IT): feeds pairs 10-20 and 11-20.
      collab({ concernKey: "privacy", holders: [holder(1, "A"), holder(3, "R"), holder(2, "C")] }),
      collab({ concernKey: "privacy", assetCriticality: "critical" }),
      // Person 4 has left and brings no team; person 5 (other) brings none either: no hotspot then.
      collab({ concernKey: "tracking", holders: [holder(1, "A"), holder(4, "R"), holder(5, "C")] }),
      collab({ concernKey: "tracking", holders: [holder(1, "A"), holder(4, "R"), holder(2, "C")] }),
    ];
    const scored = scoreHotspotsWithHolders(cells, people, [], AS_OF);
    // In the order of the cells, each with its A, R and C holders; ranked, they are `scoreHotspots`.
    // The third: 1 + max(0, 2 active holders - 2), the holder who has left not counted.
    expect(scored.map(({ hotspot }) => hotspot.score)).toEqual([2, 5, 1]);
    expect(scored.map(({ holderIds }) => holderIds)).toEqual([[1, 3, 2], [1, 2], [1, 2]]);
    expect(rankHotspots(scored.map(({ hotspot }) => hotspot))).toEqual(scoreHotspots(cells, people, [], AS_OF));
    const rollUps = rollUpHotspots(scored, people);
    expect(rollUps.byConcern).toEqual([
      { concernKey: "privacy", score: 7, cells: 2 },
      { concernKey: "tracking", score: 1, cells: 1 },
    ]);
    expect(rollUps.byTeamPair).toEqual([
      { marketingTeamId: 10, itTeamId: 20, score: 8, cells: 3 },
      { marketingTeamId: 11, itTeamId: 20, score: 2, cells: 1 },
    ]);
  });

  it("breaks concern ties by key and is empty without hotspots", () => {
    const cells = [collab({ concernKey: "b" }), collab({ concernKey: "a" })];
    const rollUps = rollUpHotspots(scoreHotspotsWithHolders(cells, people, [], AS_OF), people);
    expect(rollUps.byConcern.map((c) => c.concernKey)).toEqual(["a", "b"]);
    expect(rollUpHotspots([], people)).toEqual({ byConcern: [], byTeamPair: [] });
  });
});
