import { readRoute, type ReadContext } from "@/lib/api/read-route";
import { emptyQuerySchema } from "@/lib/api/schemas";
import { anySignedIn } from "@/lib/auth/policy";
import { getPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { exportCsv } from "@/lib/import-export/export";
import { fileNameOf, IMPORT_FILES } from "@/lib/import-export/formats";

/** `GET /api/export/people.csv|assets.csv|assignments.csv`: the import files as the database holds them today. */
export const GET = readRoute({
  query: emptyQuerySchema,
  policy: anySignedIn,
  handle: async ({ params }: ReadContext<object, { file: string }>) => {
    const file = IMPORT_FILES.find((candidate) => fileNameOf(candidate) === params.file);
    if (!file) throw new AppError("not-found", "There is no such export.");
    const csv = await exportCsv(getPrisma(), file);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${params.file}"`,
        "cache-control": "no-store",
      },
    });
  },
});
