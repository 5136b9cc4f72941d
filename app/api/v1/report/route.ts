import { readRoute } from "@/lib/api/read-route";
import { anySignedIn } from "@/lib/auth/policy";
import { reportQuery } from "@/lib/public-api/inputs";
import { getApiReport } from "@/lib/public-api/report";
import { answer } from "@/lib/public-api/respond";

/** The gap report as `npm run report -- --format json` prints it, for the same filters and as-of date. */
export const GET = readRoute({
  query: reportQuery,
  policy: anySignedIn,
  handle: async ({ query }) => answer(await getApiReport(query)),
});
