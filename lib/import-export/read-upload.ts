import { z } from "zod";
import { limitBytes } from "@/lib/validation/limit-bytes";
import { AppError } from "@/lib/errors";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { IMPORT_FILES, MAX_FILE_BYTES, type ImportFiles } from "./formats";
import { IMPORT_MODES } from "./run-import";

/** Three files at their limit plus the form's own boundaries and fields. */
export const MAX_UPLOAD_BYTES = IMPORT_FILES.length * MAX_FILE_BYTES + 64 * 1024;

const uploadedFileSchema = z.object({
  name: z.string().max(TEXT_MAX.fileName, `A file name may have at most ${TEXT_MAX.fileName} characters.`),
  // Bounded while the upload is read: no more than MAX_UPLOAD_BYTES arrive here.
  bytes: z.instanceof(Uint8Array),
});

/** The body of `POST /api/import` once `readImportUpload` has read it. */
export const importRequestSchema = z.object({
  mode: z.enum(IMPORT_MODES, { error: "must be preview or apply" }),
  files: z.object({
    people: uploadedFileSchema.optional(),
    assets: uploadedFileSchema.optional(),
    assignments: uploadedFileSchema.optional(),
  }),
});

const tooLarge = () =>
  new AppError("too-large", `The upload is too large: each file may be at most ${MAX_FILE_BYTES / (1024 * 1024)} MB.`);

/**
 * Reads a multipart upload with the fields `people`, `assets`, `assignments` (files, or text) and `mode`.
 * An upload that declares more than MAX_UPLOAD_BYTES is refused before a byte is read; the body is then
 * counted as it streams in, so one that sends more than it declared (or declares nothing) is cut off at
 * the limit, never read whole. Files stay bytes, so that the import itself can tell invalid UTF-8 from text.
 */
export async function readImportUpload(request: Request): Promise<{ mode: unknown; files: ImportFiles }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("invalid", "Send the files as multipart/form-data.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) throw tooLarge();

  const body = limitBytes(request.body, MAX_UPLOAD_BYTES, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body.stream, { headers: { "content-type": type } }).formData();
  } catch {
    if (body.exceeded()) throw tooLarge();
    throw new AppError("invalid", "The upload could not be read as a form.");
  }
  const files: ImportFiles = {};
  for (const file of IMPORT_FILES) {
    const value = form.get(file);
    if (typeof value === "string") {
      if (value !== "") files[file] = { name: `${file}.csv`, bytes: new TextEncoder().encode(value) };
    } else if (value && (value.size > 0 || value.name !== "")) {
      // A file input left empty still sends a part, with no name and no bytes.
      files[file] = { name: value.name || `${file}.csv`, bytes: new Uint8Array(await value.arrayBuffer()) };
    }
  }
  return { mode: form.get("mode"), files };
}
