import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { ImportFile, ImportFiles } from "@/lib/import-export/formats";

/** Test helpers: fixture files, files from text, and the row counts an import may change. */

export function fixture(file: ImportFile, fixtureName = `${file}.csv`): ImportFiles {
  const bytes = new Uint8Array(readFileSync(path.join(import.meta.dirname, "import-fixtures", fixtureName)));
  return { [file]: { name: fixtureName, bytes } };
}

export const allFixtures = (): ImportFiles => ({ ...fixture("people"), ...fixture("assets"), ...fixture("assignments") });

export function csvFile(file: ImportFile, lines: string[]): ImportFiles {
  return { [file]: { name: `${file}.csv`, bytes: new TextEncoder().encode(`${lines.join("\n")}\n`) } };
}

export async function countRows(prisma: Db) {
  const [teams, people, assets, assignments, currentAssignments, confirmations, auditEvents] = await Promise.all([
    prisma.team.count(),
    prisma.person.count(),
    prisma.asset.count(),
    prisma.assignment.count(),
    prisma.assignment.count({ where: { endedAt: null } }),
    prisma.assignmentConfirmation.count(),
    prisma.auditEvent.count(),
  ]);
  return { teams, people, assets, assignments, currentAssignments, confirmations, auditEvents };
}
