import { writeRoute } from "@/lib/api/write-route";
import { importers } from "@/lib/auth/policy";
import { importRequestSchema, readImportUpload } from "@/lib/import-export/read-upload";
import { importForUser } from "@/lib/import-export/run-import";

/** Previews or applies an import of people.csv, assets.csv and assignments.csv (multipart). */
export const POST = writeRoute({
  schema: importRequestSchema,
  policy: importers,
  handle: ({ tx, user, input }) => importForUser(tx, user, input.files, input.mode),
  readBody: readImportUpload,
});
