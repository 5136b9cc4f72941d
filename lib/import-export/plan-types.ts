import type { Criticality, RaciRole, TeamFunction } from "@/lib/rules/types";
import type { ImportIssue } from "./formats";

/** What an import will do to one file's entities; `ended` only for assignments. JSON-safe: the API returns it. */
export interface FileSummary {
  /** The canonical name (`people.csv`), which errors use too. */
  file: string;
  uploadedName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  ended?: number;
  errors: ImportIssue[];
  /** Errors left out of `errors` to keep a response small; the first ones are the ones to fix first. */
  errorsNotShown?: number;
}

export interface ImportPlan {
  files: FileSummary[];
  /** Teams that people.csv names and the database does not have yet. */
  teamsCreated: string[];
  errorCount: number;
  /** Entities the import would create, update or end; 0 means applying it writes nothing. */
  changeCount: number;
}

export interface PersonSnapshot {
  email: string;
  name: string;
  team: string | null;
  role: "admin" | "manager" | "viewer" | "none";
  active: boolean;
  deactivatedAt: Date | null;
}

export interface AssetSnapshot {
  key: string;
  name: string;
  kind: string;
  criticality: Criticality;
  lifecycle: "planned" | "active" | "retired";
  url: string | null;
  vendor: string | null;
  retiredAt: Date | null;
}

export interface AssignmentRef {
  assetKey: string;
  concernKey: string;
  email: string;
  role: RaciRole;
}

/** The writes a valid plan performs, in the order they are applied. */
export interface PlannedWrites {
  teams: { name: string; function: TeamFunction }[];
  peopleCreated: PersonSnapshot[];
  peopleUpdated: { id: number; before: PersonSnapshot; after: PersonSnapshot }[];
  assetsCreated: AssetSnapshot[];
  assetsUpdated: { id: number; before: AssetSnapshot; after: AssetSnapshot }[];
  assignmentsEnded: (AssignmentRef & { id: number; startedAt: Date; confirmedAt: Date | null })[];
  assignmentsConfirmed: (AssignmentRef & { id: number; previous: Date | null; confirmedAt: Date })[];
  assignmentsStarted: (AssignmentRef & { confirmedAt: Date | null })[];
}

export const emptyWrites = (): PlannedWrites => ({
  teams: [],
  peopleCreated: [],
  peopleUpdated: [],
  assetsCreated: [],
  assetsUpdated: [],
  assignmentsEnded: [],
  assignmentsConfirmed: [],
  assignmentsStarted: [],
});
