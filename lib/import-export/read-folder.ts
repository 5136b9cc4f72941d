import { open } from "node:fs/promises";
import path from "node:path";
import { fileNameOf, IMPORT_FILES, MAX_FILE_BYTES, type ImportFiles } from "./formats";

/**
 * The import files a folder holds (`npm run import`). Each is read up to one byte past the size
 * limit: enough for the import to refuse an oversized file, without loading all of it.
 */
export async function readImportFolder(folder: string): Promise<ImportFiles> {
  const files: ImportFiles = {};
  for (const file of IMPORT_FILES) {
    const bytes = await readHead(path.join(folder, fileNameOf(file)), MAX_FILE_BYTES + 1);
    if (bytes) files[file] = { name: fileNameOf(file), bytes };
  }
  return files;
}

/** The first `limit` bytes of a file, or null when there is no such file. */
async function readHead(filePath: string, limit: number): Promise<Uint8Array | null> {
  const handle = await open(filePath, "r").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!handle) return null;
  try {
    const buffer = new Uint8Array(Math.min((await handle.stat()).size, limit));
    let length = 0;
    while (length < buffer.byteLength) {
      const { bytesRead } = await handle.read(buffer, length, buffer.byteLength - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
