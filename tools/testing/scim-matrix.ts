import type { Db } from "@/lib/db/client";

/**
 * The SCIM routes' rows of the authorization matrix (lib/api/authorization-matrix.int.test.ts): each write
 * with a request that succeeds for a SCIM token, built on entities made for its case. The matrix tries each
 * with a SCIM token, an admin's ordinary service and personal tokens, and the admin's session cookie alone.
 */

export interface ScimKit {
  db: Db;
  unique: (prefix: string) => string;
  freshPerson: (team: "Web Platform") => Promise<{ id: number }>;
}

export interface ScimWriteRow {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  route: string;
  request: (kit: ScimKit) => Promise<{ params?: Record<string, string>; body: unknown }>;
}

const freshUserId = async (kit: ScimKit) => ({ id: String((await kit.freshPerson("Web Platform")).id) });
const freshTeamId = async ({ db, unique }: ScimKit) => ({
  id: String((await db.team.create({ data: { name: unique("SCIM team"), function: "it" } })).id),
});
const replaceName = (name: string) => ({
  schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
  Operations: [{ op: "replace", path: "displayName", value: name }],
});

export const SCIM_WRITES: readonly ScimWriteRow[] = [
  {
    method: "POST",
    route: "/scim/v2/Users",
    request: async ({ unique }) => ({
      body: { userName: `${unique("scim")}@example.org`, name: { givenName: "Scim", familyName: "Person" } },
    }),
  },
  {
    method: "PUT",
    route: "/scim/v2/Users/[id]",
    request: async (kit) => {
      const params = await freshUserId(kit);
      const { email } = await kit.db.person.findUniqueOrThrow({ where: { id: Number(params.id) } });
      return { params, body: { userName: email, displayName: kit.unique("Renamed by SCIM") } };
    },
  },
  {
    method: "PATCH",
    route: "/scim/v2/Users/[id]",
    request: async (kit) => ({ params: await freshUserId(kit), body: replaceName(kit.unique("Patched")) }),
  },
  {
    method: "DELETE",
    route: "/scim/v2/Users/[id]",
    request: async (kit) => ({ params: await freshUserId(kit), body: undefined }),
  },
  {
    method: "POST",
    route: "/scim/v2/Groups",
    request: async ({ unique }) => ({ body: { displayName: unique("SCIM group") } }),
  },
  {
    method: "PUT",
    route: "/scim/v2/Groups/[id]",
    request: async (kit) => ({
      params: await freshTeamId(kit),
      body: { displayName: kit.unique("Renamed group") },
    }),
  },
  {
    method: "PATCH",
    route: "/scim/v2/Groups/[id]",
    request: async (kit) => {
      const member = await freshUserId(kit);
      return {
        params: await freshTeamId(kit),
        body: { Operations: [{ op: "add", path: "members", value: [{ value: member.id }] }] },
      };
    },
  },
];

export const SCIM_READS: readonly {
  route: string;
  params?: (kit: ScimKit) => Promise<Record<string, string>>;
}[] = [
  { route: "/scim/v2/Users" },
  { route: "/scim/v2/Users/[id]", params: freshUserId },
  { route: "/scim/v2/Groups" },
  { route: "/scim/v2/Groups/[id]", params: freshTeamId },
  { route: "/scim/v2/ServiceProviderConfig" },
  { route: "/scim/v2/ResourceTypes" },
  { route: "/scim/v2/ResourceTypes/[id]", params: async () => ({ id: "User" }) },
  { route: "/scim/v2/Schemas" },
  {
    route: "/scim/v2/Schemas/[id]",
    params: async () => ({ id: "urn:ietf:params:scim:schemas:core:2.0:User" }),
  },
];
