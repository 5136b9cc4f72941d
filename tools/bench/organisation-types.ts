import type { AssignmentSource, ConcernHome, Criticality, RaciRole, TeamFunction } from "@/lib/rules/types";

/** The synthetic organisation of `npm run bench` as plain data, with the database ids it will be inserted with. */

export interface BenchCatalog {
  kinds: { id: number; key: string }[];
  concerns: { id: number; key: string; home: ConcernHome; kindKeys: readonly string[] }[];
}

export interface BenchOptions {
  /** Multiplies assets, people, teams, assignments and reviews; 1 is the size of issue 7. */
  scale: number;
  seed: number;
  now: Date;
  /** The bcrypt hash every person who may sign in gets. */
  passwordHash: string;
}

export interface BenchTeam {
  id: number;
  name: string;
  function: TeamFunction;
  managerId: number;
  memberIds: number[];
}

export interface BenchPerson {
  id: number;
  email: string;
  name: string;
  teamId: number | null;
  role: "admin" | "manager" | "viewer" | "none";
  passwordHash: string | null;
  deactivatedAt: Date | null;
}

export interface BenchAsset {
  id: number;
  key: string;
  name: string;
  kindId: number;
  kindKey: string;
  criticality: Criticality;
  lifecycle: "planned" | "active" | "retired";
  url: string | null;
  vendor: string;
  createdAt: Date;
  retiredAt: Date | null;
  marketingTeamId: number;
  itTeamId: number;
}

/** One assignment: a person holding a role on a cell from `startedAt` until `endedAt`. */
export interface Spell {
  assignmentId: number;
  personId: number;
  startedAt: Date;
  endedAt: Date | null;
  source: AssignmentSource;
  createdById: number;
  endedById: number | null;
  /** The submitted review whose `change` decision started it. */
  reviewId: number | null;
}

/** A role in a cell and the people who held it one after the other (the last spell may still be current). */
export interface HolderSlot {
  role: RaciRole;
  teamId: number;
  spells: Spell[];
}

export interface BenchCell {
  assetId: number;
  concernId: number;
  home: ConcernHome;
  /** The team whose weekly review attests the cell: its accountable owner's team. */
  reviewTeamId: number | null;
  /** Which week of three the reviewing team looks at it. */
  rotation: number;
  /** A cell its team never gets round to: its owners are never confirmed. */
  neglected: boolean;
  slots: HolderSlot[];
}

export interface BenchCycle {
  id: number;
  weeksAgo: number;
  isoWeek: string;
  opensAt: Date;
  dueAt: Date;
  closesAt: Date;
}

export interface BenchReview {
  id: number;
  cycleId: number;
  weeksAgo: number;
  teamId: number;
  managerId: number;
  status: "draft" | "submitted";
  submittedAt: Date | null;
  createdAt: Date;
  /** When its decisions were made: the submit, or the last edit of a draft. */
  decidedAt: Date;
}

export interface BenchOrganisation {
  name: string;
  timeZone: string;
  since: Date;
  now: Date;
  seed: number;
  teams: BenchTeam[];
  people: BenchPerson[];
  assets: BenchAsset[];
  cells: BenchCell[];
  cycles: BenchCycle[];
  reviews: BenchReview[];
  assignmentCount: number;
}

export const BENCH_BASE_SIZE = {
  assets: 10_000,
  teams: 40,
  people: 2_000,
  assignments: 200_000,
  historyWeeks: 52,
} as const;
