import { readRoute, type ReadContext } from "@/lib/api/read-route";
import { emptyQuerySchema } from "@/lib/api/schemas";
import { anySignedIn } from "@/lib/auth/policy";
import { exportFileNamed } from "@/lib/import-export/export";

/** `GET /api/export/people.csv|assets.csv|assignments.csv`: the import files as the database holds them today. */
export const GET = readRoute({
  query: emptyQuerySchema,
  policy: anySignedIn,
  handle: async ({ params }: ReadContext<object, { file: string }>) => {
    const csv = await exportFileNamed(params.file);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${params.file}"`,
        "cache-control": "no-store",
      },
    });
  },
});
