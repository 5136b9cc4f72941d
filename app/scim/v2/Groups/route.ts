import { readRoute } from "@/lib/api/read-route";
import { writeRoute } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { createScimGroup, listScimGroups } from "@/lib/scim/groups";
import { scimJson } from "@/lib/scim/protocol";
import { scimGroupSchema, scimListQuery } from "@/lib/scim/schemas";

/** SCIM Groups are Tandem's teams (lib/scim/groups.ts). */
export const GET = readRoute({
  query: scimListQuery,
  policy: catalogEditors,
  handle: async ({ query }) => scimJson(await listScimGroups(query)),
});

/** A new group's team has the function "other" unless Tandem's extension names one. */
export const POST = writeRoute({
  schema: scimGroupSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createScimGroup(tx, user, input),
  respond: (created) => scimJson(created, 201),
});
