import type { WriteResult } from "@/lib/api/write-route";
import { IMPORT_FILES, type ImportFile } from "./formats";
import type { ImportMode, ImportOutcome } from "./run-import";

/** The browser side of `POST /api/import`: sends the chosen files as multipart and never throws. */
export async function sendImport(files: Partial<Record<ImportFile, File>>, mode: ImportMode): Promise<WriteResult<ImportOutcome>> {
  const form = new FormData();
  form.set("mode", mode);
  for (const file of IMPORT_FILES) {
    const chosen = files[file];
    if (chosen) form.set(file, chosen);
  }
  try {
    const response = await fetch("/api/import", { method: "POST", body: form });
    const result = (await response.json().catch(() => null)) as WriteResult<ImportOutcome> | null;
    if (result && typeof result === "object" && "ok" in result) return result;
    return { ok: false, code: "internal", error: `The server answered ${response.status}. Nothing was imported.` };
  } catch {
    return { ok: false, code: "unavailable", error: "The server could not be reached. Check your connection and try again." };
  }
}
