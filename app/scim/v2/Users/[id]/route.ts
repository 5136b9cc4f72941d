import { readRoute } from "@/lib/api/read-route";
import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { catalogEditors } from "@/lib/auth/policy";
import { scimJson } from "@/lib/scim/protocol";
import {
  scimEmptySchema,
  scimNoQuery,
  scimPatchSchema,
  scimUserSchema,
  type ScimPatchInput,
  type ScimUserInput,
} from "@/lib/scim/schemas";
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from "@/lib/scim/users";

type Params = { id: string };

export const GET = readRoute<typeof scimNoQuery, Params>({
  query: scimNoQuery,
  policy: catalogEditors,
  handle: async ({ params }) => scimJson(await getScimUser(params.id)),
});

export const PUT = writeRoute({
  schema: scimUserSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<ScimUserInput, Params>) =>
    replaceScimUser(tx, user, params.id, input),
  respond: (replaced) => scimJson(replaced),
});

/** `active: false` deactivates, with every effect of doing it on the People screen. */
export const PATCH = writeRoute({
  schema: scimPatchSchema,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<ScimPatchInput, Params>) =>
    patchScimUser(tx, user, params.id, input.Operations),
  respond: (patched) => scimJson(patched),
});

/** Deactivates, never erases: the person's history and assignments stay. */
export const DELETE = writeRoute({
  schema: scimEmptySchema,
  policy: catalogEditors,
  readBody: async () => ({}),
  handle: ({ tx, user, params }: WriteContext<Record<string, never>, Params>) =>
    deleteScimUser(tx, user, params.id),
  respond: () => new Response(null, { status: 204 }),
});
