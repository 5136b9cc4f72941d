import { readRoute } from "@/lib/api/read-route";
import { writeRoute } from "@/lib/api/write-route";
import { anySignedIn, catalogEditors } from "@/lib/auth/policy";
import { createTeamBody, noQuery } from "@/lib/public-api/inputs";
import { createApiTeam, listApiTeams } from "@/lib/public-api/people";
import { answer, created } from "@/lib/public-api/respond";

export const GET = readRoute({
  query: noQuery,
  policy: anySignedIn,
  handle: async () => answer(await listApiTeams()),
});

export const POST = writeRoute({
  schema: createTeamBody,
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createApiTeam(tx, user, input),
  respond: created,
});
