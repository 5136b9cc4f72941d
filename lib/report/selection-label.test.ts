import { describe, expect, it } from "vitest";
import type { ReportCatalog } from "./build-report";
import { describeSelection } from "./selection-label";

const catalog: ReportCatalog = {
  teams: [
    { id: 1, name: "Brand & Content", function: "marketing" },
    { id: 4, name: "Web Platform", function: "it" },
  ],
  kinds: [{ key: "website", label: "Website" }],
  concerns: [
    { key: "content", name: "Content & messaging", home: "marketing" },
    { key: "privacy-compliance", name: "Privacy & compliance", home: "shared" },
  ],
  assets: [{ key: "corporate-website", name: "Corporate website" }],
  people: [{ id: 7, name: "Maya Fischer", email: "maya@example.org" }],
};

describe("describeSelection", () => {
  it("says nothing without a selection", () => {
    expect(describeSelection({}, catalog)).toBeNull();
  });

  it("names what each chart element stands for", () => {
    expect(describeSelection({ selGap: "stale", selTeam: 4 }, catalog)).toBe("Stale gaps held by Web Platform");
    expect(describeSelection({ selGap: "no-accountable" }, catalog)).toBe("No accountable gaps");
    expect(describeSelection({ selKind: "website", selConcern: "content" }, catalog)).toBe("Cells of Content & messaging on Website assets");
    expect(describeSelection({ selPerson: "MAYA@example.org" }, catalog)).toBe("Cells with Maya Fischer accountable");
    expect(describeSelection({ selCell: "corporate-website/privacy-compliance" }, catalog)).toBe("Corporate website · Privacy & compliance");
    expect(describeSelection({ selHotspots: "1", selConcern: "privacy-compliance" }, catalog)).toBe("Collaboration hotspots of Privacy & compliance");
    expect(describeSelection({ selPair: "1-4" }, catalog)).toBe("Collaboration hotspots shared by Brand & Content and Web Platform");
    expect(describeSelection({ selHandoff: "4-1" }, catalog)).toBe("Cells handed off by Web Platform to Brand & Content");
    expect(describeSelection({ selTeam: 1 }, catalog)).toBe("Cells held by Brand & Content");
  });

  it("shows unknown keys and ids as they are", () => {
    expect(describeSelection({ selTeam: 99, selKind: "blimp" }, catalog)).toBe("Cells on blimp assets held by team 99");
    expect(describeSelection({ selHotspots: "1", selGap: "flagged" }, catalog)).toBe("Collaboration hotspots with flagged gaps");
  });
});
