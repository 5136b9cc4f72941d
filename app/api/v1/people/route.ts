import { readRoute } from "@/lib/api/read-route";
import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn, catalogEditors } from "@/lib/auth/policy";
import { createPersonBody, listPeopleQuery } from "@/lib/public-api/inputs";
import { createApiPerson, listApiPeople } from "@/lib/public-api/people";
import { answer, created } from "@/lib/public-api/respond";

export const GET = readRoute({
  query: listPeopleQuery,
  policy: anySignedIn,
  handle: async ({ query }) => answer(await listApiPeople(query)),
});

/** Adds a person (admins); they sign in once invited (People -> Invitations). */
export const POST = writeRoute({
  schema: createPersonBody,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createApiPerson(tx, user, input),
  respond: created,
});
