import { describe, expect, it } from "vitest";
import { parseMatrixFilters } from "./matrix-filters";

describe("parseMatrixFilters", () => {
  it("reads every filter", () => {
    expect(
      parseMatrixFilters({ kind: "crm", team: "3", criticality: "high", home: "shared", state: "gaps", q: " hub ", asset: "hubspot-crm", concern: "data-quality" }),
    ).toEqual({ kind: "crm", team: 3, criticality: "high", home: "shared", state: "gaps", q: "hub", asset: "hubspot-crm", concern: "data-quality" });
  });

  it("drops values it cannot read instead of failing", () => {
    expect(parseMatrixFilters({ team: "three", criticality: "urgent", home: "legal", state: "all" })).toEqual({});
  });

  it("takes the first of repeated parameters", () => {
    expect(parseMatrixFilters({ kind: ["crm", "website"] })).toEqual({ kind: "crm" });
  });
});
