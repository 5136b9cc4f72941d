import "zod-openapi";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import * as inputs from "./inputs";
import * as resources from "./resources";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with (./inputs.ts) and
 * answer with (./resources.ts). The contract test (openapi.int.test.ts) fails when a route of app/api/v1 is
 * missing here, or when an answer does not validate against this document.
 */

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: ERROR_DESCRIPTIONS[status] ?? "Refused.", content: { "application/json": { schema: resources.errorResource } } },
    ]),
  );

const ERROR_DESCRIPTIONS: Record<number, string> = {
  401: "No token, or one that is unknown, expired or revoked.",
  403: "The role may not do this (DESIGN.md section 5), or a browser request came from another site.",
  404: "Nothing has that key.",
  409: "It changed meanwhile, or the change conflicts with what is there.",
  412: "If-Match names a version that is no longer current.",
  422: "The body or query is not valid; `fieldErrors` says where.",
  429: "Too many requests with this token; see Retry-After.",
};

const READ_ERRORS = [401, 403, 404, 422, 429];
const WRITE_ERRORS = [401, 403, 404, 409, 422, 429];

const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema } } });

function read(summary: string, response: z.ZodType, options: { query?: z.ZodObject; path?: z.ZodObject; description?: string } = {}): ZodOpenApiOperationObject {
  return {
    summary,
    ...(options.description ? { description: options.description } : {}),
    requestParams: { ...(options.query ? { query: options.query } : {}), ...(options.path ? { path: options.path } : {}) },
    responses: { "200": json(response, "OK."), ...errors(...READ_ERRORS) },
  };
}

function write(
  summary: string,
  body: z.ZodType,
  response: z.ZodType,
  options: { path?: z.ZodObject; status?: 200 | 201; description?: string; extraErrors?: number[] } = {},
): ZodOpenApiOperationObject {
  return {
    summary,
    ...(options.description ? { description: options.description } : {}),
    ...(options.path ? { requestParams: { path: options.path } } : {}),
    requestBody: { content: { "application/json": { schema: body } } },
    responses: { [String(options.status ?? 200)]: json(response, options.status === 201 ? "Created." : "OK."), ...errors(...WRITE_ERRORS, ...(options.extraErrors ?? [])) },
  };
}

const key = z.object({ key: z.string() });
const page = <Item extends z.ZodType>(item: Item, id: string) => resources.pageOf(item, id);
const list = <Item extends z.ZodType>(item: Item, id: string) => z.object({ items: z.array(item) }).meta({ id });
const cellPath = z.object({ assetKey: z.string(), concernKey: z.string() });
const reviewPath = z.object({ id: z.string().meta({ description: "The review's id." }) });

const paths: ZodOpenApiPathsObject = {
  "/assets": {
    get: read("List assets", page(resources.assetResource, "AssetPage"), { query: inputs.listAssetsQuery }),
    post: write("Create an asset", inputs.createAssetBody, resources.assetResource, { status: 201 }),
  },
  "/assets/{key}": {
    get: read("Get an asset", resources.assetResource, { path: key }),
    patch: write("Change an asset's fields", inputs.updateAssetBody, resources.assetResource, { path: key }),
    delete: write("Retire an asset", inputs.emptyBody, resources.assetResource, { path: key, description: "It leaves scope; its assignments and history stay." }),
  },
  "/people": {
    get: read("List people", page(resources.personResource, "PersonPage"), { query: inputs.listPeopleQuery }),
    post: write("Add a person", inputs.createPersonBody, resources.personResource, { status: 201 }),
  },
  "/people/{email}": {
    get: read("Get a person", resources.personResource, { path: z.object({ email: z.string() }) }),
    patch: write("Change a person", inputs.updatePersonBody, resources.personResource, {
      path: z.object({ email: z.string() }),
      description: "`active: false` marks them as left: their sessions and tokens end, their cells show an inactive owner.",
    }),
  },
  "/teams": {
    get: read("List teams", list(resources.teamResource, "TeamList")),
    post: write("Create a team", inputs.createTeamBody, resources.teamResource, { status: 201 }),
  },
  "/teams/{name}": {
    get: read("Get a team", resources.teamResource, { path: z.object({ name: z.string() }) }),
    patch: write("Change a team", inputs.updateTeamBody, resources.teamResource, { path: z.object({ name: z.string() }) }),
  },
  "/concerns": { get: read("List concerns", list(resources.concernResource, "ConcernList")) },
  "/concerns/{key}": { get: read("Get a concern", resources.concernResource, { path: key }) },
  "/kinds": { get: read("List asset kinds", list(resources.kindResource, "KindList")) },
  "/kinds/{key}": { get: read("Get an asset kind", resources.kindResource, { path: key }) },
  "/cells/{assetKey}/{concernKey}": {
    get: {
      ...read("Get a cell with its holders and gaps", resources.cellResource, { path: cellPath }),
      responses: {
        "200": { ...json(resources.cellResource, "OK."), headers: { ETag: { description: "The cell's version, for If-Match.", schema: { type: "string" } } } },
        ...errors(...READ_ERRORS),
      },
    },
    put: {
      ...write("Replace a cell's holders", inputs.replaceHoldersBody, resources.cellResource, {
        path: cellPath,
        extraErrors: [412],
        description: "The matrix's rules and authorization: exactly one A, and a manager only within their team's scope. Send If-Match with the ETag read.",
      }),
      requestParams: { path: cellPath, header: z.object({ "If-Match": z.string().optional().meta({ description: "The ETag of the cell as read." }) }) },
    },
  },
  "/reviews": {
    get: read("List reviews, newest first", page(resources.reviewSummaryResource, "ReviewPage"), { query: inputs.listReviewsQuery }),
    post: write("Open a team's review of this week or last week", inputs.openReviewBody, resources.reviewResource, { status: 201 }),
  },
  "/reviews/{id}": { get: read("Get a review with its cells and decisions", resources.reviewResource, { path: reviewPath }) },
  "/reviews/{id}/decisions": {
    put: write("Decide one cell of a draft review", inputs.decisionBody, resources.decidedCellResource, {
      path: reviewPath,
      description: "As on the review screen: the later decision on a cell replaces the earlier one.",
    }),
  },
  "/reviews/{id}/submit": { post: write("Submit a review, applying its decisions", inputs.emptyBody, resources.reviewResource, { path: reviewPath }) },
  "/report": { get: read("The gap report", resources.reportResource, { query: inputs.reportQuery }) },
  "/report.csv": {
    get: {
      summary: "The gap report's rows as CSV",
      requestParams: { query: inputs.reportQuery },
      responses: { "200": { description: "One row per asset x concern x gap type.", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(...READ_ERRORS) },
    },
  },
  "/openapi.json": {
    get: {
      summary: "This document",
      security: [],
      responses: { "200": { description: "The OpenAPI 3.1 document of /api/v1.", content: { "application/json": { schema: { type: "object" } } } } },
    },
  },
};

let document: ReturnType<typeof createDocument> | null = null;

export function openApiDocument() {
  document ??= createDocument({
    openapi: "3.1.0",
    info: {
      title: "Tandem API",
      version: "1",
      description:
        "Who owns what between Marketing and IT, for other systems. Authenticate with `Authorization: Bearer <token>` " +
        "(My account -> Tokens, Settings -> Service tokens, or `npm run token:create`). Every call is authorized and audited as on the screens.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A Tandem API token, `tdm_...`." } } },
    paths,
  });
  return document;
}
