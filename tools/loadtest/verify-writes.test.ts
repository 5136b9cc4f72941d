import { describe, expect, it } from "vitest";
import type { AcknowledgedCellEdit } from "./cell-toggle";
import {
  createWriteLog,
  verifyWrites,
  type AcknowledgedDecision,
  type StoredWrites,
  type WriteLog,
} from "./verify-writes";

const ME = 7;
const CELL = "crm/privacy";

/** The run added assignment 40, ended it, then added 41: the cell ends with 3, 12 and 41. */
function cellRun(): WriteLog {
  const log = createWriteLog();
  const edits: AcknowledgedCellEdit[] = [
    {
      cell: CELL,
      action: "add",
      personId: ME,
      versionBefore: "3,12",
      versionAfter: "3,12,40",
      addedIds: [40],
    },
    { cell: CELL, action: "end", personId: ME, assignmentId: 40, versionAfter: "3,12" },
    {
      cell: CELL,
      action: "add",
      personId: ME,
      versionBefore: "3,12",
      versionAfter: "3,12,41",
      addedIds: [41],
    },
  ];
  log.cellEdits.push(...edits);
  return log;
}

const storedCell = (): StoredWrites => ({
  assignments: [
    { id: 3, cell: CELL, personId: 1, role: "A", ended: false },
    { id: 12, cell: CELL, personId: 2, role: "R", ended: false },
    { id: 40, cell: CELL, personId: ME, role: "I", ended: true },
    { id: 41, cell: CELL, personId: ME, role: "I", ended: false },
  ],
  decisions: [],
  auditedDecisions: [],
});

const decision = (note: string, overrides: Partial<AcknowledgedDecision> = {}): AcknowledgedDecision => ({
  reviewId: 5,
  cell: CELL,
  decision: "confirm",
  note,
  flagReason: null,
  accountableId: null,
  ...overrides,
});

describe("verifyWrites: cell edits", () => {
  it("passes when every add and end is stored and the cell holds the last acknowledged version", () => {
    const result = verifyWrites(cellRun(), storedCell());
    expect(result).toMatchObject({
      acknowledged: 3,
      missing: 0,
      finalStates: 1,
      finalMismatches: 0,
      failures: [],
    });
  });

  it("finds an acknowledged add that is not in the database", () => {
    const stored = storedCell();
    stored.assignments = stored.assignments.filter((a) => a.id !== 41);
    const result = verifyWrites(cellRun(), stored);
    expect(result.missing).toBe(1);
    expect(result.failures).toEqual([
      "cell crm/privacy: assignment 41 was acknowledged as added but is not in the database.",
      "cell crm/privacy: the database holds assignments 3,12; the last acknowledged edit left 3,12,41.",
    ]);
  });

  it("finds an acknowledged end that did not stick, and an add stored for someone else", () => {
    const stored = storedCell();
    stored.assignments[2] = { ...stored.assignments[2]!, ended: false };
    stored.assignments[3] = { ...stored.assignments[3]!, personId: 99 };
    const result = verifyWrites(cellRun(), stored);
    expect(result.missing).toBe(2);
    expect(result.finalMismatches).toBe(1);
  });

  it("does not compare the final state of a cell whose outcome is unknown", () => {
    const log = cellRun();
    log.unanswered.add(`cell ${CELL}`);
    const stored = storedCell();
    stored.assignments[3] = { ...stored.assignments[3]!, ended: true };
    const result = verifyWrites(log, stored);
    expect(result).toMatchObject({ finalStates: 0, failures: [] });
    expect(result.skipped).toHaveLength(1);
  });

  it("refuses an add whose version shows more than one new assignment", () => {
    const log = createWriteLog();
    log.cellEdits.push({
      cell: CELL,
      action: "add",
      personId: ME,
      versionBefore: "3,12",
      versionAfter: "3,12,41,42",
      addedIds: [41, 42],
    });
    const stored = storedCell();
    stored.assignments.push({ id: 42, cell: CELL, personId: 8, role: "C", ended: false });
    expect(verifyWrites(log, stored).failures[0]).toMatch(/not one new assignment/);
  });
});

describe("verifyWrites: review decisions", () => {
  const audited = (...notes: string[]) =>
    notes.map((note) => ({ reviewId: 5, cell: CELL, decision: "confirm", note }));

  it("passes when every decision is in the audit trail and the item holds the last one", () => {
    const log = createWriteLog();
    log.decisions.push(decision("w1"), decision("w2", { decision: "flag", flagReason: "owner-unclear" }));
    const stored: StoredWrites = {
      assignments: [],
      decisions: [
        {
          reviewId: 5,
          cell: CELL,
          decision: "flag",
          note: "w2",
          flagReason: "owner-unclear",
          accountableId: null,
        },
      ],
      auditedDecisions: [...audited("w1"), { reviewId: 5, cell: CELL, decision: "flag", note: "w2" }],
    };
    expect(verifyWrites(log, stored)).toMatchObject({
      acknowledged: 2,
      missing: 0,
      finalStates: 1,
      failures: [],
    });
  });

  it("finds a replaced decision missing from the audit trail, and an item holding an earlier decision", () => {
    const log = createWriteLog();
    log.decisions.push(decision("w1"), decision("w2", { decision: "change", accountableId: ME }));
    const stored: StoredWrites = {
      assignments: [],
      decisions: [
        { reviewId: 5, cell: CELL, decision: "confirm", note: "w1", flagReason: null, accountableId: null },
      ],
      auditedDecisions: audited("w1"),
    };
    const result = verifyWrites(log, stored);
    expect(result).toMatchObject({ missing: 1, finalMismatches: 1 });
    expect(result.failures[1]).toBe(
      "review 5 item crm/privacy: the database holds confirm (w1, flag none, accountable none); the last acknowledged decision was change (w2, flag none, accountable 7).",
    );
  });

  it("tells items of two reviews on the same cell apart", () => {
    const log = createWriteLog();
    log.decisions.push(decision("w1"), decision("w2", { reviewId: 6 }));
    const stored: StoredWrites = {
      assignments: [],
      decisions: [
        { reviewId: 5, cell: CELL, decision: "confirm", note: "w1", flagReason: null, accountableId: null },
      ],
      auditedDecisions: [...audited("w1"), { reviewId: 6, cell: CELL, decision: "confirm", note: "w2" }],
    };
    expect(verifyWrites(log, stored).failures).toEqual([
      "review 6 item crm/privacy: the database holds nothing; the last acknowledged decision was confirm (w2, flag none, accountable none).",
    ]);
  });
});

describe("verifyWrites: refused writes", () => {
  it("passes when a refused write left nothing, and finds one that did", () => {
    const log = cellRun();
    log.refused.push(
      { kind: "cell-edit", cell: CELL, personId: 30 },
      { kind: "review-decision", reviewId: 5, cell: CELL, note: "viewer w1" },
    );
    expect(verifyWrites(log, storedCell())).toMatchObject({ refused: 2, leftBehind: 0, failures: [] });

    const stored = storedCell();
    stored.assignments.push({ id: 77, cell: CELL, personId: 30, role: "I", ended: false });
    stored.auditedDecisions.push({ reviewId: 5, cell: CELL, decision: "confirm", note: "viewer w1" });
    expect(verifyWrites(log, stored)).toMatchObject({ leftBehind: 2 });
  });

  it("does not count the user's own acknowledged add as left behind by its refused one", () => {
    const log = cellRun();
    log.refused.push({ kind: "cell-edit", cell: CELL, personId: ME });
    expect(verifyWrites(log, storedCell()).leftBehind).toBe(0);
  });
});
