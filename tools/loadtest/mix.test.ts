import { describe, expect, it } from "vitest";
import { createRandom } from "@/tools/bench/random";
import {
  chooseAction,
  chooseDecision,
  MANAGER_MIX,
  PAGE_PATHS,
  planVirtualUsers,
  splitCell,
  type Action,
} from "./mix";

const managers = ["m1@example.org", "m2@example.org", "m3@example.org"];
const viewers = ["v@example.org"];

describe("planVirtualUsers", () => {
  it("makes 60% managers spread over every manager account, the rest viewers", () => {
    const plans = planVirtualUsers(50, managers, viewers);
    expect(plans.filter((plan) => plan.role === "manager")).toHaveLength(30);
    expect(
      plans.filter((plan) => plan.role === "viewer").every((plan) => plan.email === "v@example.org"),
    ).toBe(true);
    const perAccount = managers.map((email) => plans.filter((plan) => plan.email === email).length);
    expect(perAccount).toEqual([10, 10, 10]);
    expect(plans.map((plan) => plan.index)).toEqual([...Array(50).keys()]);
  });

  it("keeps at least one manager and one viewer from two users on", () => {
    expect(planVirtualUsers(1, managers, viewers).map((plan) => plan.role)).toEqual(["manager"]);
    expect(planVirtualUsers(2, managers, viewers).map((plan) => plan.role)).toEqual(["manager", "viewer"]);
  });
});

describe("chooseAction", () => {
  const draw = (
    role: "manager" | "viewer",
    can = { cellEdit: true, reviewDecision: true },
    count = 20_000,
  ) => {
    const random = createRandom(7).next;
    const counts = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const action: Action = chooseAction(role, random, can);
      const key = action.kind === "page" ? action.path : action.kind;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { counts, share: (key: string) => (counts.get(key) ?? 0) / count };
  };

  it("gives a manager 70% page views over every page, 15% cell edits and 15% review decisions", () => {
    const { share } = draw("manager");
    expect(share("cell-edit")).toBeCloseTo(MANAGER_MIX.cellEdit, 1.5);
    expect(share("review-decision")).toBeCloseTo(MANAGER_MIX.reviewDecision, 1.5);
    for (const path of PAGE_PATHS) expect(share(path)).toBeCloseTo(MANAGER_MIX.page / PAGE_PATHS.length, 1.5);
  });

  it("never makes a viewer write", () => {
    const { counts } = draw("viewer");
    expect([...counts.keys()].sort()).toEqual([...PAGE_PATHS].sort());
  });

  it("turns a manager's writes into page views when it has nothing of its own to write", () => {
    const { counts } = draw("manager", { cellEdit: false, reviewDecision: false }, 2_000);
    expect(counts.has("cell-edit") || counts.has("review-decision")).toBe(false);
  });
});

describe("chooseDecision", () => {
  it("decides the given cell with the run's note, mostly confirming", () => {
    const random = createRandom(3).next;
    const decisions = Array.from({ length: 1_000 }, (_, index) =>
      chooseDecision("crm/privacy", random, `note ${index}`, 42),
    );
    expect(
      decisions.every((decision) => decision.assetKey === "crm" && decision.concernKey === "privacy"),
    ).toBe(true);
    expect(decisions[9]!.note).toBe("note 9");
    const confirms = decisions.filter((decision) => decision.decision === "confirm").length;
    expect(confirms).toBeGreaterThan(500);
    expect(
      decisions
        .filter((decision) => decision.decision === "flag")
        .every((decision) => "flagReason" in decision),
    ).toBe(true);
    const changes = decisions.filter((decision) => decision.decision === "change");
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((decision) => decision.accountableId === 42)).toBe(true);
  });
});

describe("splitCell", () => {
  it("splits asset and concern keys and refuses anything else", () => {
    expect(splitCell("online-store/seo-technical")).toEqual(["online-store", "seo-technical"]);
    expect(() => splitCell("online-store")).toThrow(RangeError);
    expect(() => splitCell("/seo")).toThrow(RangeError);
  });
});
