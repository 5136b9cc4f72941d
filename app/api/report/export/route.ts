import { withApiUser } from "@/lib/auth/api";
import { getPrisma } from "@/lib/db/client";
import { exportReportCsv } from "@/lib/report/report-output";

/**
 * `GET /api/report/export?<filters and drill-down of the report screen>`: the gap rows of that view as CSV,
 * one per asset x concern x gap type. Everyone signed in may read the report, viewers included.
 */
export const GET = withApiUser(async (request) => {
  const { fileName, csv } = await exportReportCsv(getPrisma(), new URL(request.url).searchParams);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
