import { sendWrite } from "@/lib/api/post-json";
import type { WriteResult } from "@/lib/api/write-route";
import { IMPORT_FILES, type ImportFile } from "@/lib/import-export/formats";
import type { ImportMode, ImportOutcome } from "@/lib/import-export/run-import";

/** The browser side of `POST /api/import`: sends the chosen files as multipart and never throws. */
export async function sendImport(files: Partial<Record<ImportFile, File>>, mode: ImportMode): Promise<WriteResult<ImportOutcome>> {
  const form = new FormData();
  form.set("mode", mode);
  for (const file of IMPORT_FILES) {
    const chosen = files[file];
    if (chosen) form.set(file, chosen);
  }
  return sendWrite<ImportOutcome>("/api/import", { method: "POST", body: form });
}
