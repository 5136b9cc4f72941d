import { readRoute } from "@/lib/api/read-route";
import { anySignedIn } from "@/lib/auth/policy";
import { reportQuery } from "@/lib/public-api/inputs";
import { streamApiReportCsv } from "@/lib/public-api/report";

/** The report's gap rows as CSV (one per asset x concern x gap type), streamed. */
export const GET = readRoute({
  query: reportQuery,
  policy: anySignedIn,
  handle: async ({ query }) => {
    const { fileName, body } = await streamApiReportCsv(query);
    return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` } });
  },
});
