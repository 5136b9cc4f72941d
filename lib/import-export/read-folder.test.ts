import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "./formats";
import { readCsv } from "./read-csv";
import { readImportFolder } from "./read-folder";

describe("readImportFolder", () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "tandem-read-folder-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("reads the import files a folder holds and leaves out the missing ones", async () => {
    await writeFile(path.join(folder, "people.csv"), "email,name,team,function,role,active\n");
    const files = await readImportFolder(folder);
    expect(Object.keys(files)).toEqual(["people"]);
    expect(files.people?.name).toBe("people.csv");
    expect(new TextDecoder().decode(files.people?.bytes)).toBe("email,name,team,function,role,active\n");
  });

  it("reads an oversized file only one byte past the limit, which the import then refuses", async () => {
    // A sparse gigabyte: cheap on disk, and far more than the import may load.
    await writeFile(path.join(folder, "assets.csv"), "");
    await truncate(path.join(folder, "assets.csv"), 1024 ** 3);
    const files = await readImportFolder(folder);
    expect(files.assets?.bytes.byteLength).toBe(MAX_FILE_BYTES + 1);
    expect(readCsv("assets", files.assets!.bytes).issues).toEqual([
      { file: "assets.csv", line: null, column: null, message: "is larger than 5 MB, the limit per file" },
    ]);
  });
});
