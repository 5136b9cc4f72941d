import { readRoute } from "@/lib/api/read-route";
import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { getScimGroup, patchScimGroup, replaceScimGroup } from "@/lib/scim/groups";
import { scimJson } from "@/lib/scim/protocol";
import {
  scimGroupSchema,
  scimNoQuery,
  scimPatchSchema,
  type ScimGroupInput,
  type ScimPatchInput,
} from "@/lib/scim/schemas";

type Params = { id: string };

export const GET = readRoute<typeof scimNoQuery, Params>({
  query: scimNoQuery,
  policy: catalogEditors,
  handle: async ({ params, query }) => scimJson(await getScimGroup(params.id, query.excludedAttributes)),
});

export const PUT = writeRoute({
  schema: scimGroupSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<ScimGroupInput, Params>) =>
    replaceScimGroup(tx, user, params.id, input),
  respond: (replaced) => scimJson(replaced),
});

/** Members by add, remove (`members[value eq "12"]` too) and replace; each moves a person's team. */
export const PATCH = writeRoute({
  schema: scimPatchSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<ScimPatchInput, Params>) =>
    patchScimGroup(tx, user, params.id, input.Operations),
  respond: (patched) => scimJson(patched),
});
