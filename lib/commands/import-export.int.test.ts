import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tools/testing/test-database";
import { exportCommand, importCommand, type Output } from "./import-export";
import { exportCsv } from "@/lib/import-export/export";
import { countRows } from "@/tools/testing/import-files";

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (line) => lines.push(line), error: (line) => errors.push(line) };
}

describe("npm run import / export", () => {
  const db = useTestDatabase();
  let folder: string;
  const fixtures = path.join(import.meta.dirname, "../../tools/testing/import-fixtures");

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "tandem-import-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("refuses to run without DATABASE_URL, a folder or any file", async () => {
    const out = capture();
    expect(await importCommand([fixtures], {}, out)).toBe(1);
    expect(out.errors[0]).toMatch(/^DATABASE_URL is not set/);
    expect(await importCommand([], { DATABASE_URL: db.url }, out)).toBe(1);
    expect(out.errors[1]).toMatch(/^Usage: npm run import -- <folder> \[--dry-run\]/);
    expect(await importCommand([folder], { DATABASE_URL: db.url }, out)).toBe(1);
    expect(out.errors[2]).toContain("holds none of people.csv, assets.csv, assignments.csv");
    expect(await importCommand([path.join(folder, "missing")], { DATABASE_URL: db.url }, out)).toBe(1);
    expect(out.errors[3]).toMatch(/is not a folder/);
  });

  it("prepares an empty database, prints the plan and writes nothing with --dry-run", async () => {
    const out = capture();
    expect(await importCommand([fixtures, "--dry-run"], { DATABASE_URL: db.url }, out)).toBe(0);
    expect(out.lines).toEqual([
      "people.csv       6 rows: 6 to create, 0 to update, 0 unchanged",
      "assets.csv       3 rows: 3 to create, 0 to update, 0 unchanged",
      "assignments.csv  8 rows: 8 to create, 0 to update, 0 unchanged, 0 to end",
      "Teams to create: Marketing Operations, Brand & Content, Web Platform",
      "Dry run: nothing was written.",
    ]);
    // The default catalog is there (prepareDatabase), but nothing of the files.
    expect(await db.prisma.concern.count()).toBe(12);
    expect(await countRows(db.prisma)).toMatchObject({ people: 0, assets: 0, assignments: 0, auditEvents: 0 });
  });

  it("exits 1 listing each error with file, line and column, and writes nothing", async () => {
    await writeFile(path.join(folder, "assets.csv"), await readFile(path.join(fixtures, "assets-bad-row.csv")));
    const out = capture();
    expect(await importCommand([folder], { DATABASE_URL: db.url }, out)).toBe(1);
    expect(out.errors).toEqual([
      "assets.csv line 3, column criticality: must be one of low, medium, high, critical",
      "Nothing was imported: fix the error above and run the import again.",
    ]);
    expect(await db.prisma.asset.count()).toBe(0);
  });

  it("refuses an oversized file without loading it, and writes nothing", async () => {
    const oversized = path.join(folder, "oversized");
    await mkdir(oversized);
    await writeFile(path.join(oversized, "people.csv"), "");
    // A sparse gigabyte: the command reads only one byte past the 5 MB limit of it.
    await truncate(path.join(oversized, "people.csv"), 1024 ** 3);
    const out = capture();
    expect(await importCommand([oversized], { DATABASE_URL: db.url }, out)).toBe(1);
    expect(out.errors).toEqual([
      "people.csv: is larger than 5 MB, the limit per file",
      "Nothing was imported: fix the error above and run the import again.",
    ]);
    expect(await db.prisma.person.count()).toBe(0);
  });

  it("imports, then exports the same data", async () => {
    const out = capture();
    expect(await importCommand([fixtures], { DATABASE_URL: db.url }, out)).toBe(0);
    expect(out.lines.at(-1)).toMatch(/^Imported \(import [0-9a-f-]{36}\)\.$/);
    expect(await countRows(db.prisma)).toMatchObject({ people: 6, assets: 3, assignments: 8 });

    const again = capture();
    expect(await importCommand([fixtures], { DATABASE_URL: db.url }, again)).toBe(0);
    expect(again.lines.at(-1)).toBe("Nothing to change: the database already matches the files.");

    const exported = path.join(folder, "export");
    const exportOut = capture();
    expect(await exportCommand([exported], { DATABASE_URL: db.url }, exportOut)).toBe(0);
    expect(exportOut.lines).toEqual([
      `Wrote ${path.join(exported, "people.csv")} (6 rows).`,
      `Wrote ${path.join(exported, "assets.csv")} (3 rows).`,
      `Wrote ${path.join(exported, "assignments.csv")} (8 rows).`,
    ]);
    expect(await readFile(path.join(exported, "assets.csv"), "utf8")).toBe(await exportCsv(db.prisma, "assets"));
    expect(await exportCommand([], { DATABASE_URL: db.url }, exportOut)).toBe(1);
  });
});
