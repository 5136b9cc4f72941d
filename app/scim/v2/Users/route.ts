import { readRoute } from "@/lib/api/read-route";
import { writeRoute } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { scimJson } from "@/lib/scim/protocol";
import { scimListQuery, scimUserSchema } from "@/lib/scim/schemas";
import { createScimUser, listScimUsers } from "@/lib/scim/users";

/** SCIM Users (README, "Provisioning with SCIM"): a SCIM token only (lib/api/caller.ts). */
export const GET = readRoute({
  query: scimListQuery,
  policy: catalogEditors,
  handle: async ({ query }) => scimJson(await listScimUsers(query)),
});

/** Provisions a person with the role "viewer"; a userName that exists already answers 409 uniqueness. */
export const POST = writeRoute({
  schema: scimUserSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createScimUser(tx, user, input),
  respond: (created) => scimJson(created, 201),
});
