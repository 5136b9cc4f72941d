import type { Prisma } from "@/lib/db/generated/client";
import { loadDatabaseState } from "./load-state";
import type { ParsedImport } from "./parse-files";
import { planAssets } from "./plan-assets";
import { planAssignments } from "./plan-assignments";
import { planPeople, type PlanContext } from "./plan-people";
import { emptyWrites, type FileSummary, type ImportPlan, type PlannedWrites } from "./plan-types";

type Tx = Prisma.TransactionClient;

/**
 * Compares the parsed files with the database, read through `tx`, and says what applying them would do:
 * per file, how many rows create, update or leave an entity unchanged, and every error. Writes nothing.
 */
export async function planImport(tx: Tx, parsed: ParsedImport, context: PlanContext): Promise<{ plan: ImportPlan; writes: PlannedWrites }> {
  const state = await loadDatabaseState(tx, { withAssignments: parsed.assignments !== undefined });
  const writes = emptyWrites();
  const files: FileSummary[] = [];
  if (parsed.people) files.push(planPeople(parsed.people, state, context, writes));
  if (parsed.assets) files.push(planAssets(parsed.assets, state, context, writes));
  if (parsed.assignments) {
    const incoming = {
      emails: new Set(parsed.people?.rows.map(({ row }) => row.email) ?? []),
      assetKinds: new Map(parsed.assets?.rows.map(({ row }) => [row.key, row.kind]) ?? []),
    };
    files.push(planAssignments(parsed.assignments, state, incoming, writes));
  }
  for (const file of files) file.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const errorCount = files.reduce((sum, file) => sum + file.errors.length, 0);
  const changeCount =
    writes.teams.length + files.reduce((sum, file) => sum + file.created + file.updated + (file.ended ?? 0), 0);
  return { plan: { files, teamsCreated: writes.teams.map((team) => team.name), errorCount, changeCount }, writes };
}
