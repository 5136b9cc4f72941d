import { describe, expect, it } from "vitest";
import type { EvaluatedCell } from "@/lib/rules";
import { listDecisionsOutsideScope, nameCells } from "./decision-scope";
import { isReviewEditable, reopenedEditableUntil } from "./access";

const cell = (assetId: number, holders: { personId: number; role: "A" | "R" | "C" | "I" }[]): EvaluatedCell =>
  ({ assetId, concernId: 1, holders: holders.map((holder) => ({ ...holder, confirmedAt: null })) }) as unknown as EvaluatedCell;

describe("listDecisionsOutsideScope", () => {
  const inScope = cell(1, [{ personId: 10, role: "A" }]);
  const movedAway = cell(2, [{ personId: 99, role: "A" }]);
  const cells = [inScope, movedAway];
  const decision = (assetId: number, kind: string, newOwners: { personId: number; role: string }[] = []) => ({ assetId, concernId: 1, decision: kind, newOwners });

  it("keeps decisions on cells in scope, and names every other one, whatever its kind", () => {
    const decisions = [decision(1, "change", [{ personId: 11, role: "A" }]), decision(2, "confirm"), decision(2, "flag"), decision(2, "change", [{ personId: 11, role: "A" }])];
    expect(listDecisionsOutsideScope(decisions, [inScope], cells)).toEqual(decisions.slice(1));
  });

  it("lets a change through whose cell already has exactly its owners (a reopened review submitted again)", () => {
    const applied = decision(2, "change", [{ personId: 99, role: "A" }]);
    expect(listDecisionsOutsideScope([applied], [inScope], cells)).toEqual([]);
    expect(listDecisionsOutsideScope([decision(2, "change", [{ personId: 99, role: "A" }, { personId: 98, role: "R" }])], [inScope], cells)).toHaveLength(1);
  });
});

describe("nameCells", () => {
  const named = (count: number) => Array.from({ length: count }, (_, i) => ({ assetName: `Asset ${i + 1}`, concernName: "Hosting" }));
  it("names one, a few, or the first five and how many more", () => {
    expect(nameCells(named(1))).toBe("Asset 1 · Hosting");
    expect(nameCells(named(2))).toBe("Asset 1 · Hosting and Asset 2 · Hosting");
    expect(nameCells(named(7))).toBe("Asset 1 · Hosting, Asset 2 · Hosting, Asset 3 · Hosting, Asset 4 · Hosting, Asset 5 · Hosting and 2 other cells");
  });
});

describe("a reopened review", () => {
  const cycle = { isoWeek: "2026-W40", opensAt: new Date("2026-09-28T00:00:00Z"), dueAt: new Date("2026-10-02T23:59:59.999Z"), closesAt: new Date("2026-10-05T00:00:00Z"), timeZone: "UTC" };

  it("is editable until the first review due after its reopening: this week's, or next week's once it has passed", () => {
    expect(reopenedEditableUntil(new Date("2026-11-25T12:00:00Z"), "UTC")).toEqual(new Date("2026-11-27T23:59:59.999Z"));
    expect(reopenedEditableUntil(new Date("2026-11-28T12:00:00Z"), "UTC")).toEqual(new Date("2026-12-04T23:59:59.999Z"));
  });

  it("of an old week is editable after the reopening, and read-only again once the next review is due", () => {
    const reopened = { status: "draft" as const, reopenedAt: new Date("2026-11-25T12:00:00Z"), cycle };
    expect(isReviewEditable(reopened, new Date("2026-11-27T23:00:00Z"))).toBe(true);
    expect(isReviewEditable(reopened, new Date("2026-11-28T00:00:00Z"))).toBe(false);
    expect(isReviewEditable({ ...reopened, reopenedAt: null }, new Date("2026-11-26T00:00:00Z"))).toBe(false);
  });
});
