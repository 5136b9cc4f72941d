import { withApiUser } from "@/lib/auth/api";
import { getPrisma } from "@/lib/db/client";
import { exportCsv } from "@/lib/import-export/export";
import { fileNameOf, IMPORT_FILES } from "@/lib/import-export/formats";

/** `GET /api/export/people.csv|assets.csv|assignments.csv`: the import files as the database holds them today. */
export const GET = withApiUser<RouteContext<"/api/export/[file]">>(async (_request, { params }) => {
  const name = (await params).file;
  const file = IMPORT_FILES.find((candidate) => fileNameOf(candidate) === name);
  if (!file) return Response.json({ error: "not-found", message: "There is no such export." }, { status: 404 });
  const csv = await exportCsv(getPrisma(), file);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
