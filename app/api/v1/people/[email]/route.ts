import { readRoute } from "@/lib/api/read-route";
import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { anySignedIn, catalogEditors } from "@/lib/auth/policy";
import { noQuery, updatePersonBody, type UpdatePersonBody } from "@/lib/public-api/inputs";
import { getApiPerson, updateApiPerson } from "@/lib/public-api/people";
import { answer } from "@/lib/public-api/respond";

type Params = { email: string };

export const GET = readRoute<typeof noQuery, Params>({
  query: noQuery,
  policy: anySignedIn,
  handle: async ({ params }) => answer(await getApiPerson(params.email)),
});

/** Changes the fields sent (admins); `active: false` marks the person as left. */
export const PATCH = writeRoute({
  schema: updatePersonBody,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<UpdatePersonBody, Params>) => updateApiPerson(tx, user, params.email, input),
  respond: answer,
});
