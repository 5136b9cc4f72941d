import { stringify } from "csv-stringify/sync";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { COLUMNS, fileNameOf, IMPORT_FILES, type ImportFile } from "./formats";
import { RACI_ROLES } from "./row-schemas";
import { escapeForSpreadsheet } from "./spreadsheet-safe";

type Reader = Pick<Prisma.TransactionClient, "person" | "asset" | "assignment">;

/**
 * The three import files as the database holds them today: every person (with their active flag),
 * every asset whatever its lifecycle, and the current assignments only. Rows are sorted in code, not by
 * the database's collation, so the same data always gives the same bytes; importing the files into an
 * empty database and exporting again gives identical files.
 */
export async function exportCsv(db: Reader, file: ImportFile): Promise<string> {
  const rows = await EXPORTERS[file](db);
  return toCsv(COLUMNS[file], rows);
}

/** The export file of that name (`people.csv`, `assets.csv`, `assignments.csv`) as the database holds it now. */
export async function exportFileNamed(fileName: string, db: Reader = getPrisma()): Promise<string> {
  const file = IMPORT_FILES.find((candidate) => fileNameOf(candidate) === fileName);
  if (!file) throw new AppError("not-found", "There is no such export.");
  return exportCsv(db, file);
}

const EXPORTERS: Record<ImportFile, (db: Reader) => Promise<string[][]>> = {
  people: async (db) => {
    const people = await db.person.findMany({
      select: { email: true, name: true, role: true, deactivatedAt: true, team: { select: { name: true, function: true } } },
    });
    return people
      .sort((a, b) => compare(a.email, b.email))
      .map((p) => [p.email, p.name, p.team?.name ?? "", p.team?.function ?? "", p.role, String(p.deactivatedAt === null)]);
  },
  assets: async (db) => {
    const assets = await db.asset.findMany({
      select: { key: true, name: true, criticality: true, lifecycle: true, url: true, vendor: true, kind: { select: { key: true } } },
    });
    return assets
      .sort((a, b) => compare(a.key, b.key))
      .map((a) => [a.key, a.name, a.kind.key, a.criticality, a.lifecycle, a.url ?? "", a.vendor ?? ""]);
  },
  assignments: async (db) => {
    const assignments = await db.assignment.findMany({
      where: { endedAt: null },
      select: {
        role: true,
        confirmedAt: true,
        asset: { select: { key: true } },
        concern: { select: { key: true } },
        person: { select: { email: true } },
      },
    });
    const rows = assignments.map((a) => [a.asset.key, a.concern.key, a.person.email, a.role, a.confirmedAt?.toISOString() ?? ""]);
    const roleOrder = (role: string) => RACI_ROLES.indexOf(role as (typeof RACI_ROLES)[number]);
    return rows.sort(
      ([assetA, concernA, emailA, roleA], [assetB, concernB, emailB, roleB]) =>
        compare(assetA!, assetB!) || compare(concernA!, concernB!) || roleOrder(roleA!) - roleOrder(roleB!) || compare(emailA!, emailB!),
    );
  },
};

/** With a byte order mark, so that spreadsheets read names with accents as UTF-8. */
export function toCsv(columns: readonly string[], rows: readonly string[][]): string {
  return stringify([[...columns], ...rows.map((row) => row.map(escapeForSpreadsheet))], { bom: true });
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
