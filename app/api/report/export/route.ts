import { readRoute } from "@/lib/api/read-route";
import { anySignedIn } from "@/lib/auth/policy";
import { streamReportCsv } from "@/lib/report/report-output";
import { reportExportQuerySchema } from "@/lib/report/selection";

/**
 * `GET /api/report/export?<filters and drill-down of the report screen>`: the gap rows of that view as CSV,
 * one per asset x concern x gap type, streamed. Everyone signed in may read the report, viewers included.
 */
export const GET = readRoute({
  query: reportExportQuerySchema,
  policy: anySignedIn,
  handle: async ({ query }) => {
    const { fileName, body } = await streamReportCsv(query);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  },
});
