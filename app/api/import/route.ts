import { writeRoute } from "@/lib/api/write-route";
import { canImport } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { importRequestSchema, readImportUpload } from "@/lib/import-export/read-upload";
import { importForUser } from "@/lib/import-export/run-import";

/** Previews or applies an import of people.csv, assets.csv and assignments.csv (multipart). Admins only. */
export const POST = writeRoute(
  importRequestSchema,
  ({ tx, user, input }) => importForUser(tx, user, input.files, input.mode),
  {
    readBody: async (request) => {
      // Refused before the upload is read; importForUser checks again inside the transaction.
      const user = await getCurrentUser();
      if (user && !canImport(user)) throw new AppError("forbidden", "Only admins can import.");
      return readImportUpload(request);
    },
  },
);
