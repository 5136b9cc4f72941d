import { describe, expect, it } from "vitest";
import { cellEffectOf, changeNoCell, leavesHistoryUnchanged } from "./change-effects";

const change = (action: string, entityType: string, entityId: string) => ({ id: 1, action, entityType, entityId });

describe("what a recorded write can have changed", () => {
  it("names the cell of a cell edit and the review of a submit or reopen", () => {
    expect(cellEffectOf(change("assignment.added", "cell", "crm/data-quality"))).toEqual({ kind: "cell", name: "crm/data-quality" });
    expect(cellEffectOf(change("review.submitted", "review", "42"))).toEqual({ kind: "review-cells", reviewId: 42 });
    expect(cellEffectOf(change("review.reopened", "review", "42"))).toEqual({ kind: "review-cells", reviewId: 42 });
  });

  it("knows drafts and passwords change no cell", () => {
    for (const action of ["review.opened", "review-item.decided", "review-item.cleared", "review.all-confirmed", "review.manager-assigned"]) {
      expect(cellEffectOf(change(action, "review", "42"))).toEqual({ kind: "none" });
    }
    expect(cellEffectOf(change("person.password-set", "person", "ada@example.org"))).toEqual({ kind: "none" });
  });

  it("assumes any cell, and a rewritten past, for everything else, including writes it has never heard of", () => {
    for (const [action, entityType] of [["person.deactivated", "person"], ["asset.retired", "asset"], ["concern.updated", "concern"], ["settings.updated", "settings"], ["import.applied", "import"], ["team.updated", "team"], ["something.new", "thing"]]) {
      expect(cellEffectOf(change(action!, entityType!, "x"))).toEqual({ kind: "any" });
      expect(leavesHistoryUnchanged(change(action!, entityType!, "x"))).toBe(false);
    }
    expect(leavesHistoryUnchanged(change("assignment.ended", "cell", "crm/data-quality"))).toBe(true);
    // A cell write this code does not know might be dated in the past: it is not taken for an everyday edit.
    expect(cellEffectOf(change("assignment.backdated", "cell", "crm/data-quality"))).toEqual({ kind: "any" });
  });

  it("tells when none of the writes changed a cell", () => {
    expect(changeNoCell([change("review-item.decided", "review", "1"), change("review.opened", "review", "2")])).toBe(true);
    expect(changeNoCell([change("review-item.decided", "review", "1"), change("assignment.added", "cell", "crm/data-quality")])).toBe(false);
  });
});
