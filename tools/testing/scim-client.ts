import path from "node:path";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { Tx } from "@/lib/auth/write-policy";
import type { Db } from "@/lib/db/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { createServiceToken } from "@/lib/tokens/tokens";

/**
 * Calls /scim/v2 in tests as an identity provider would, through the route handlers as Next.js runs them:
 * `application/scim+json` bodies, the token as a Bearer header, and the path matched to its route file.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface ScimAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** `/Users/12?x=y` -> the route file `app/scim/v2/Users/[id]/route.ts` and its params. */
function routeOf(pathAndQuery: string): { file: string; params: Record<string, string> } {
  const [segments = ""] = pathAndQuery.split("?");
  const [resource, id] = segments.split("/").filter(Boolean);
  if (!resource) throw new Error(`No SCIM resource in ${pathAndQuery}`);
  const folder = id === undefined ? resource : `${resource}/[id]`;
  return {
    file: path.join(ROOT, "app/scim/v2", folder, "route.ts"),
    params: id === undefined ? {} : { id: decodeURIComponent(id) },
  };
}

export async function callScim(
  method: string,
  pathAndQuery: string,
  options: { token?: string; body?: unknown } = {},
): Promise<ScimAnswer> {
  const { file, params } = routeOf(pathAndQuery);
  const handler = (await import(/* @vite-ignore */ file))[method] as Handler | undefined;
  if (!handler) throw new Error(`${method} is not a method of ${file}`);
  const request = new Request(`http://localhost/scim/v2${pathAndQuery}`, {
    method,
    headers: {
      "content-type": "application/scim+json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** A URL's filter query: `userName eq "a@b.c"`, encoded as providers send it. */
export const filterQuery = (filter: string) => `filter=${encodeURIComponent(filter)}`;

export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export interface ScimOrganisation {
  adminId: number;
  /** A SCIM token and an ordinary admin service token, both made by the demo admin. */
  tokens: Record<"scim" | "service", { id: number; token: string }>;
  /** Runs a write in a transaction whose audit events name the demo admin. */
  asAdmin: <T>(
    write: (tx: Tx, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>,
  ) => Promise<T>;
}

/** The demo organisation, seeded into the test's database, with the tokens the SCIM tests call with. */
export async function prepareScimOrganisation(db: Db): Promise<ScimOrganisation> {
  await seedDemoOrganisation(db);
  const adminId = (await db.person.findUniqueOrThrow({ where: { email: "admin@example.org" } })).id;
  const asAdmin: ScimOrganisation["asAdmin"] = (write) =>
    db.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId: adminId })));
  const serviceToken = (name: string, scim: boolean) =>
    asAdmin((tx, audit) =>
      createServiceToken(
        tx,
        adminId,
        { name, role: "admin", teamId: null, expiresInDays: null, scim },
        audit,
      ),
    );
  return {
    adminId,
    asAdmin,
    tokens: { scim: await serviceToken("Okta", true), service: await serviceToken("CMDB", false) },
  };
}
