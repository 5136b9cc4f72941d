import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as accountSchemas from "@/lib/accounts/schemas";
import * as apiSchemas from "@/lib/api/schemas";
import * as credentials from "@/lib/auth/credentials";
import * as catalogSchemas from "@/lib/catalog/schemas";
import * as readUpload from "@/lib/import-export/read-upload";
import * as rowSchemas from "@/lib/import-export/row-schemas";
import * as notificationSchemas from "@/lib/notifications/schemas";
import * as notificationSettings from "@/lib/notifications/settings";
import * as testMessage from "@/lib/notifications/test-message";
import * as webhooks from "@/lib/notifications/webhooks";
import * as matrixFilters from "@/lib/ownership/matrix-filters";
import * as ownershipSchemas from "@/lib/ownership/schemas";
import * as peopleSchemas from "@/lib/people/schemas";
import * as publicApiInputs from "@/lib/public-api/inputs";
import * as reportFilters from "@/lib/report/filters";
import * as reportSelection from "@/lib/report/selection";
import * as reviewSchemas from "@/lib/review/schemas";
import * as scimSchemas from "@/lib/scim/schemas";
import * as settings from "@/lib/settings/update-settings";
import * as tokenSchemas from "@/lib/tokens/schemas";
import * as webhookSchemas from "@/lib/webhooks/schemas";

/**
 * Every module that builds zod schemas, by path: the write routes' bodies, sign-in, the CSV rows, the
 * upload and the URL filters. The last test fails when a module that uses zod is missing here, so a
 * schema added anywhere is walked too.
 */
const SCHEMA_MODULES: Record<string, Record<string, unknown>> = {
  "lib/accounts/schemas.ts": accountSchemas,
  "lib/api/schemas.ts": apiSchemas,
  "lib/auth/credentials.ts": credentials,
  "lib/catalog/schemas.ts": catalogSchemas,
  "lib/import-export/read-upload.ts": readUpload,
  "lib/import-export/row-schemas.ts": rowSchemas,
  "lib/notifications/schemas.ts": notificationSchemas,
  "lib/notifications/settings.ts": notificationSettings,
  "lib/notifications/test-message.ts": testMessage,
  "lib/notifications/webhooks.ts": webhooks,
  "lib/ownership/matrix-filters.ts": matrixFilters,
  "lib/ownership/schemas.ts": ownershipSchemas,
  "lib/people/schemas.ts": peopleSchemas,
  "lib/public-api/inputs.ts": publicApiInputs,
  "lib/report/filters.ts": reportFilters,
  "lib/report/selection.ts": reportSelection,
  "lib/review/schemas.ts": reviewSchemas,
  "lib/scim/schemas.ts": scimSchemas,
  "lib/settings/update-settings.ts": settings,
  "lib/tokens/schemas.ts": tokenSchemas,
  "lib/webhooks/schemas.ts": webhookSchemas,
};

/** Modules whose schemas read no request: the environment and the command line are the operator's. */
const NOT_REQUEST_INPUT = new Set([
  "lib/config/environment.ts",
  "lib/commands/admin-create.ts",
  "lib/commands/token-create.ts",
  // What the API answers, and the document describing it.
  "lib/public-api/resources.ts",
  "lib/public-api/openapi.ts",
]);

interface Def {
  type: string;
  checks?: z.core.$ZodCheck[];
  [key: string]: unknown;
}

const defOf = (schema: unknown) => (schema as z.core.$ZodType)._zod.def as unknown as Def;
const hasUpperBound = (def: Def) => (def.checks ?? []).some((check) => ["max_length", "length_equals"].includes(check._zod.def.check));

/** Paths of the strings, lists and maps in a schema that accept input of any length. */
function findUnbounded(schema: unknown, at: string): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      return hasUpperBound(def) ? [] : [at];
    case "array":
      return [...(hasUpperBound(def) ? [] : [`${at} (list)`]), ...findUnbounded(def.element, `${at}[]`)];
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const fields = Object.entries(shape).flatMap(([key, field]) => findUnbounded(field, `${at}.${key}`));
      // A catch-all would let any number of extra keys through; strict objects have `never` here.
      const rest = def.catchall && defOf(def.catchall).type !== "never" ? [`${at} (extra keys)`] : [];
      return [...fields, ...rest];
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return findUnbounded(def.innerType, at);
    case "pipe":
      // What comes in meets `in` first, unless `in` is a preprocessing transform that checks nothing.
      return findUnbounded(defOf(def.in).type === "transform" ? def.out : def.in, at);
    case "union":
      return (def.options as unknown[]).flatMap((option, index) => findUnbounded(option, `${at}|${index}`));
    case "intersection":
      return [...findUnbounded(def.left, at), ...findUnbounded(def.right, at)];
    case "lazy":
      return findUnbounded((def.getter as () => unknown)(), at);
    case "record":
    case "map":
    case "set":
    case "any":
    case "unknown":
      return [`${at} (${def.type})`];
    default:
      // Numbers, booleans, enums, literals, dates, transforms and instanceof checks have no length to bound.
      return [];
  }
}

const schemasOf = (module: Record<string, unknown>) =>
  Object.entries(module).filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);

describe("text limits", () => {
  it("finds the unbounded fields of a schema, so that the walk below can fail", () => {
    const unbounded = z.object({
      bounded: z.string().max(10),
      free: z.string().trim().optional(),
      email: z.email(),
      preprocessed: z.preprocess((value) => value, z.string().nullable()),
      checkedFirst: z.string().max(5).transform((value) => value.repeat(2)).pipe(z.string()),
      checkedAfter: z.string().transform((value) => value.trim()).pipe(z.string().max(5)),
      tags: z.array(z.string().max(5)),
      either: z.discriminatedUnion("kind", [z.object({ kind: z.literal("a"), note: z.string() })]),
      extra: z.object({}).loose(),
    });
    expect(findUnbounded(unbounded, "schema")).toEqual([
      "schema.free",
      "schema.email",
      "schema.preprocessed",
      "schema.checkedAfter",
      "schema.tags (list)",
      "schema.either|0.note",
      "schema.extra (extra keys)",
    ]);
  });

  it.each(Object.entries(SCHEMA_MODULES))("bounds every string and list of %s", (_file, module) => {
    const schemas = schemasOf(module);
    expect(schemas.length).toBeGreaterThan(0);
    expect(schemas.flatMap(([name, schema]) => findUnbounded(schema, name))).toEqual([]);
  });

  it("walks every module of the code that builds zod schemas", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const usesZod = ["lib", "app", "components", "scripts"]
      .flatMap((folder) => listSources(path.join(root, folder)))
      .filter((file) => /^import\s+(?!type\b)[^;]*from\s+"zod";/m.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file))
      .filter((file) => !NOT_REQUEST_INPUT.has(file))
      .sort();
    expect(usesZod).toEqual(Object.keys(SCHEMA_MODULES).sort());
  });
});

function listSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`) && !file.includes(`${path.sep}node_modules${path.sep}`));
}
