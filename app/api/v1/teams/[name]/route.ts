import { readRoute } from "@/lib/api/read-route";
import { writeRoute, type WriteContext } from "@/lib/api/write-route";
import { anySignedIn, catalogEditors } from "@/lib/auth/policy";
import { noQuery, updateTeamBody, type UpdateTeamBody } from "@/lib/public-api/inputs";
import { getApiTeam, updateApiTeam } from "@/lib/public-api/people";
import { answer } from "@/lib/public-api/respond";

type Params = { name: string };

export const GET = readRoute<typeof noQuery, Params>({
  query: noQuery,
  policy: anySignedIn,
  handle: async ({ params }) => answer(await getApiTeam(params.name)),
});

export const PATCH = writeRoute({
  schema: updateTeamBody,
  policy: catalogEditors,
  handle: ({ tx, user, input, params }: WriteContext<UpdateTeamBody, Params>) => updateApiTeam(tx, user, params.name, input),
  respond: answer,
});
