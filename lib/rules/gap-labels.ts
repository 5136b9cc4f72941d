import type { GapType } from "./types";

/** The words the screens and charts use for each gap type of DESIGN.md section 3. */
export const GAP_LABEL: Record<GapType, string> = {
  "no-accountable": "No accountable",
  "multiple-accountable": "Several accountable",
  "no-responsible": "No responsible",
  "inactive-owner": "Departed owner",
  "one-sided": "One-sided",
  stale: "Stale",
  flagged: "Flagged",
};
