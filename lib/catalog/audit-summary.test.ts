import { describe, expect, it } from "vitest";
import { describeAction, formatAuditValue, summarizeChange } from "./audit-summary";

describe("describeAction", () => {
  it("says known actions in plain words", () => {
    expect(describeAction("asset.retired")).toBe("retired the asset");
    expect(describeAction("assignment.added")).toBe("added an owner");
  });

  it("reads unknown actions verb first", () => {
    expect(describeAction("cell.flagged")).toBe("flagged cell");
    expect(describeAction("review-item.handed-off")).toBe("handed off review item");
    expect(describeAction("imported")).toBe("imported");
  });
});

describe("summarizeChange", () => {
  it("lists only the fields that changed, before → after", () => {
    expect(summarizeChange({ name: "Old", criticality: "high", vendor: "X" }, { name: "New", criticality: "critical", vendor: "X" })).toBe(
      "name: Old → New; criticality: high → critical",
    );
  });

  it("lists what a creation set, and what a removal had", () => {
    expect(summarizeChange(null, { key: "crm-2", name: "CRM" })).toBe("key: crm-2; name: CRM");
    expect(summarizeChange({ person: "ann@example.org" }, undefined)).toBe("person: ann@example.org");
  });

  it("shows lists, empty values and dates readably", () => {
    expect(summarizeChange({ kindKeys: ["cms"] }, { kindKeys: ["cms", "website"] })).toBe("kindKeys: cms → cms, website");
    expect(summarizeChange({ kindKeys: ["cms"] }, { kindKeys: [] })).toBe("kindKeys: cms → none");
    expect(summarizeChange({ url: null }, { url: "https://a.example" })).toBe("url: — → https://a.example");
    expect(summarizeChange({ retiredAt: null }, { retiredAt: "2026-11-25T10:00:00.000Z" })).toBe("retiredAt: — → 2026-11-25");
  });

  it("caps the summary at four fields and long values at 60 characters", () => {
    const before = { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 };
    const after = { a: 2, b: 2, c: 2, d: 2, e: 2, f: 2 };
    expect(summarizeChange(before, after)).toBe("a: 1 → 2; b: 1 → 2; c: 1 → 2; d: 1 → 2; and 2 more");
    expect(formatAuditValue("x".repeat(100))).toHaveLength(60);
  });

  it("handles events without records", () => {
    expect(summarizeChange(null, null)).toBe("");
    expect(summarizeChange("draft", "submitted")).toBe("draft → submitted");
    expect(summarizeChange(undefined, 3)).toBe("3");
  });
});
