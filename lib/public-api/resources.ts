import "zod-openapi";
import { z } from "zod";
import { CONCERN_HOMES, CRITICALITIES, LIFECYCLES } from "@/lib/catalog/constants";
import { PERSON_ROLES, TEAM_FUNCTIONS } from "@/lib/people/schemas";
import { FLAG_REASONS } from "@/lib/review/schemas";
import { GAP_TYPES, SEVERITY_WEIGHT } from "@/lib/rules";

/**
 * What /api/v1 answers, as zod schemas: the OpenAPI document is generated from them (./openapi.ts) and the
 * contract test checks every answer against that document. Fields are named as the columns of DESIGN.md
 * section 6's CSV files where those exist (`key`, `kind`, `person_email`, `confirmed_at`...), in snake_case
 * elsewhere; the report is the JSON of `npm run report`, as it is.
 */

const instant = z.iso.datetime().meta({ description: "An instant, ISO 8601 in UTC." });
const gapType = z.enum(GAP_TYPES as unknown as [string, ...string[]]);
const severity = z.enum(Object.keys(SEVERITY_WEIGHT) as [string, ...string[]]);

export const errorResource = z
  .object({
    ok: z.literal(false),
    code: z.enum(["unauthenticated", "forbidden", "not-found", "invalid", "conflict", "too-large", "precondition-failed", "rate-limited", "unavailable", "internal"]),
    error: z.string().meta({ description: "A sentence to show a person." }),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Per field of the request body, what is wrong with it." }),
    current: z.unknown().optional().meta({ description: "On a conflict: what is there now." }),
  })
  .meta({ id: "Error", description: "Every refusal and failure, on every route of the app." });

export const assetResource = z
  .object({
    key: z.string(),
    name: z.string(),
    kind: z.string().meta({ description: "The asset kind's key." }),
    criticality: z.enum(CRITICALITIES),
    lifecycle: z.enum(LIFECYCLES),
    url: z.string().nullable(),
    vendor: z.string().nullable(),
    description: z.string().nullable(),
    updated_at: instant,
  })
  .meta({ id: "Asset" });

export const personResource = z
  .object({
    email: z.string(),
    name: z.string(),
    team: z.string().nullable().meta({ description: "The team's name." }),
    function: z.enum(TEAM_FUNCTIONS).nullable().meta({ description: "The team's function." }),
    role: z.enum(PERSON_ROLES),
    active: z.boolean(),
    updated_at: instant,
  })
  .meta({ id: "Person" });

export const teamResource = z
  .object({ name: z.string(), function: z.enum(TEAM_FUNCTIONS), members: z.number().int(), updated_at: instant })
  .meta({ id: "Team" });

export const concernResource = z
  .object({
    key: z.string(),
    name: z.string(),
    home: z.enum(CONCERN_HOMES),
    description: z.string().nullable(),
    kinds: z.array(z.string()).meta({ description: "Keys of the asset kinds it applies to." }),
  })
  .meta({ id: "Concern" });

export const kindResource = z
  .object({ key: z.string(), label: z.string(), concerns: z.array(z.string()).meta({ description: "Keys of the concerns that apply to it." }) })
  .meta({ id: "Kind" });

const gapResource = z.object({ type: gapType, severity }).meta({ id: "Gap" });

const holderResource = z
  .object({
    person_email: z.string(),
    name: z.string(),
    role: z.enum(["R", "A", "C", "I"]),
    confirmed_at: instant.nullable(),
    active: z.boolean(),
  })
  .meta({ id: "Holder" });

export const cellResource = z
  .object({
    asset_key: z.string(),
    concern_key: z.string(),
    in_scope: z.boolean(),
    covered: z.boolean(),
    holders: z.array(holderResource),
    gaps: z.array(gapResource),
  })
  .meta({ id: "Cell", description: "An asset x concern cell. Its ETag header is its version, for If-Match." });

export const reviewSummaryResource = z
  .object({
    id: z.number().int(),
    team: z.string(),
    iso_week: z.string(),
    status: z.enum(["draft", "submitted"]),
    due_at: instant,
    submitted_at: instant.nullable(),
    submitted_by: z.string().nullable().meta({ description: "Email of who submitted it." }),
  })
  .meta({ id: "ReviewSummary" });

const decisionResource = z
  .object({
    decision: z.enum(["confirm", "change", "flag", "handoff"]),
    note: z.string().nullable(),
    flag_reason: z.enum(FLAG_REASONS).nullable(),
    handoff_team: z.string().nullable(),
    accountable_email: z.string().nullable(),
    responsible_emails: z.array(z.string()),
    decided_at: instant,
  })
  .meta({ id: "Decision" });

export const decidedCellResource = z
  .object({ asset_key: z.string(), concern_key: z.string(), decision: decisionResource })
  .meta({ id: "DecidedCell", description: "A cell of a review with the decision just saved on it." });

export const reviewResource = reviewSummaryResource
  .extend({
    editable: z.boolean(),
    cells: z.array(z.object({ asset_key: z.string(), concern_key: z.string(), gaps: z.array(gapResource), decision: decisionResource.nullable() })),
  })
  .meta({ id: "Review", description: "A team's review of a week: every cell of its scope with the decision saved on it, if any." });

/** A page of a list: `next_cursor` asks for the next one, null on the last. */
export const pageOf = <Item extends z.ZodType>(item: Item, id: string) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() }).meta({ id });

const coverageFigure = { inScope: z.number().int(), covered: z.number().int(), percent: z.number().nullable() };

export const reportResource = z
  .object({
    asOf: instant,
    filters: z.object({
      team: z.number().int().optional(),
      function: z.enum(CONCERN_HOMES).optional(),
      kind: z.string().optional(),
      concern: z.string().optional(),
      criticality: z.enum(CRITICALITIES).optional(),
      gap: gapType.optional(),
      asOf: z.string().optional(),
    }),
    coverage: z.object({
      overall: z.object(coverageFigure),
      byFunction: z.object({ marketing: z.object(coverageFigure), it: z.object(coverageFigure), shared: z.object(coverageFigure) }),
      byTeam: z.array(z.object({ teamId: z.number().int(), team: z.string(), ...coverageFigure })),
      byKind: z.array(z.object({ kind: z.string(), ...coverageFigure })),
      byConcern: z.array(z.object({ concern: z.string(), ...coverageFigure })),
    }),
    gaps: z.array(z.object({ assetKey: z.string(), concernKey: z.string(), type: gapType, severity, score: z.number() })),
    hotspots: z.array(
      z.object({ assetKey: z.string(), concernKey: z.string(), score: z.number(), flags: z.number().int(), ownershipChanges: z.number().int(), handoffs: z.number().int() }),
    ),
    hotspotsByConcern: z.array(z.object({ concernKey: z.string(), score: z.number(), cells: z.number().int() })),
    hotspotsByTeamPair: z.array(
      z.object({ marketingTeamId: z.number().int(), marketingTeam: z.string(), itTeamId: z.number().int(), itTeam: z.string(), score: z.number(), cells: z.number().int() }),
    ),
    personLoad: z.array(
      z.object({
        email: z.string(),
        name: z.string(),
        accountableCells: z.number().int(),
        highCriticalCells: z.number().int(),
        overloaded: z.boolean(),
        overloadReasons: z.array(z.string()),
      }),
    ),
    gapsByTypeAndTeam: z.array(z.object({ type: gapType, byTeam: z.record(z.string(), z.number().int()), total: z.number().int() })),
    heatmap: z.array(z.object({ kind: z.string(), concern: z.string(), inScope: z.number().int(), covered: z.number().int(), percent: z.number().nullable() })),
    handoffFlows: z.array(
      z.object({ fromTeamId: z.number().int(), from: z.string(), toTeamId: z.number().int(), to: z.string(), count: z.number().int(), cells: z.array(z.string()) }),
    ),
  })
  .meta({ id: "Report", description: "The gap report: the JSON of `npm run report -- --format json`, for the same filters and date." });
