/** A small hand-built organisation for the report builder's unit tests; not part of the public API. */
import {
  buildCells,
  cellKey,
  DEFAULT_RULE_SETTINGS,
  evaluateCells,
  holdersAsOf,
  peopleAsOf,
  type AssignmentRecord,
  type AssignmentSource,
  type CellActivity,
  type Criticality,
  type PersonRecord,
  type RaciRole,
  type ReviewDecision,
  type RuleAsset,
  type RuleConcern,
} from "@/lib/rules";
import { buildReport, type Report, type ReportCatalog } from "@/lib/report/build-report";
import type { ReportFilters } from "@/lib/report/filters";

export const NOW = new Date("2026-03-02T12:00:00.000Z");
const DAY_MS = 86_400_000;

/** A date `days` days (fractions allowed) before NOW. */
export function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * DAY_MS);
}

/** Events has no members, so its coverage has nothing in scope. */
export const TEAMS: ReportCatalog["teams"] = [
  { id: 1, name: "Brand", function: "marketing" },
  { id: 2, name: "Web", function: "it" },
  { id: 3, name: "Data", function: "it" },
  { id: 4, name: "Finance", function: "other" },
  { id: 5, name: "Events", function: "marketing" },
];

const PEOPLE = {
  mia: { id: 10, teamId: 1 },
  max: { id: 11, teamId: 1 },
  leo: { id: 12, teamId: 1 },
  ian: { id: 20, teamId: 2 },
  ivy: { id: 21, teamId: 2 },
  dan: { id: 30, teamId: 3 },
  olga: { id: 40, teamId: 4 },
} as const;

export type PersonHandle = keyof typeof PEOPLE;

/** Catalog order differs from key order (hosting before content) so key tie-breaks are observable. */
const CONCERNS: (RuleConcern & { name: string })[] = [
  { id: 1, key: "hosting", name: "Hosting", home: "it", kindKeys: ["website"] },
  { id: 2, key: "content", name: "Content", home: "marketing", kindKeys: ["website", "cms"] },
  { id: 3, key: "privacy", name: "Privacy", home: "shared", kindKeys: ["website", "crm"] },
];

/** `app` has no assets, so it never shows in coverage by kind. */
const KINDS = [
  { key: "website", label: "Website" },
  { key: "cms", label: "CMS" },
  { key: "crm", label: "CRM" },
  { key: "app", label: "App" },
];

export interface AssignOptions {
  /** Every confirmation of the assignment; by default one, yesterday. */
  confirmations?: Date[];
  startedAt?: Date;
  endedAt?: Date | null;
  source?: AssignmentSource;
}

/** Cells are written `assetKey/concernKey`. */
export class TestOrganisation {
  private readonly assets: RuleAsset[] = [];
  private readonly assignments: AssignmentRecord[] = [];
  private readonly decisions = new Map<string, ReviewDecision>();
  private readonly activity: CellActivity[] = [];
  private readonly deactivations = new Map<PersonHandle, Date>();

  asset(key: string, kindKey: string, criticality: Criticality = "low", dates: { createdAt?: Date; retiredAt?: Date } = {}): this {
    this.assets.push({
      id: this.assets.length + 1,
      key,
      kindKey,
      criticality,
      lifecycle: dates.retiredAt ? "retired" : "active",
      createdAt: dates.createdAt ?? daysAgo(365),
      retiredAt: dates.retiredAt ?? null,
    });
    return this;
  }

  assign(cell: string, person: PersonHandle, role: RaciRole, options: AssignOptions = {}): this {
    const { assetId, concernId } = this.idsOf(cell);
    this.assignments.push({
      assetId,
      concernId,
      personId: PEOPLE[person].id,
      role,
      startedAt: options.startedAt ?? daysAgo(100),
      endedAt: options.endedAt ?? null,
      source: options.source ?? "app",
      confirmations: options.confirmations ?? [daysAgo(1)],
    });
    return this;
  }

  /** The latest submitted review flagged the cell. */
  flag(cell: string): this {
    const { assetId, concernId } = this.idsOf(cell);
    this.decisions.set(cellKey(assetId, concernId), "flag");
    return this;
  }

  event(cell: string, kind: CellActivity["kind"], at: Date, source?: AssignmentSource): this {
    this.activity.push({ ...this.idsOf(cell), kind, at, ...(source ? { source } : {}) });
    return this;
  }

  deactivate(person: PersonHandle, at: Date): this {
    this.deactivations.set(person, at);
    return this;
  }

  /** The report as the loader would build it: the rules engine as of the date, then the one builder. */
  report(options: { asOf?: Date; filters?: ReportFilters } = {}): Report {
    const asOf = options.asOf ?? NOW;
    const people = peopleAsOf(this.personRecords(), asOf);
    const cells = buildCells(this.assets, CONCERNS, holdersAsOf(this.assignments, asOf), this.decisions, asOf);
    return buildReport({
      asOf,
      filters: options.filters ?? {},
      cells: evaluateCells(cells, people, asOf, DEFAULT_RULE_SETTINGS),
      people,
      activity: this.activity,
      settings: DEFAULT_RULE_SETTINGS,
      catalog: {
        teams: TEAMS,
        kinds: KINDS,
        concerns: CONCERNS.map(({ key, name, home }) => ({ key, name, home })),
        assets: this.assets.map(({ key }) => ({ key, name: key })),
        people: this.personRecords().map(({ id, email }) => ({ id, email, name: email })),
      },
    });
  }

  private personRecords(): PersonRecord[] {
    return (Object.keys(PEOPLE) as PersonHandle[]).map((handle) => {
      const { id, teamId } = PEOPLE[handle];
      return {
        id,
        email: `${handle}@example.org`,
        teamId,
        function: TEAMS.find((team) => team.id === teamId)!.function,
        deactivatedAt: this.deactivations.get(handle) ?? null,
      };
    });
  }

  private idsOf(cell: string): { assetId: number; concernId: number } {
    const [assetKey, concernKey] = cell.split("/");
    const asset = this.assets.find((candidate) => candidate.key === assetKey);
    const concern = CONCERNS.find((candidate) => candidate.key === concernKey);
    if (!asset || !concern) throw new Error(`No cell ${cell} in the test organisation.`);
    return { assetId: asset.id, concernId: concern.id };
  }
}

/** `assetKey/concernKey` of each gap row's cell, once per cell, in ranking order. */
export function gapCellsOf(report: Report): string[] {
  return [...new Set(report.gaps.map((gap) => `${gap.assetKey}/${gap.concernKey}`))];
}
