import { queryRowArrays, type Db } from "@/lib/db/client";
import {
  assignmentRecord,
  type AssignmentRecord,
  type AssignmentSource,
  type AttributeHistory,
  type PersonRecord,
  type RaciRole,
  type RuleAsset,
  type RuleConcern,
  type RuleSettings,
} from "@/lib/rules";
import { loadAttributeHistory } from "./attribute-history";
import { loadRuleCatalog } from "./rule-catalog";

/**
 * Who held the A and R of every cell, and when, with the assets, concerns and people over time: all that
 * coverage and review scope depend on at any past instant. Confirmations play no part in either, and
 * neither do C and I holders, so they are left out.
 */
export interface OwnershipHistory {
  /** As they are now; `attributes` says how they were at any instant (`catalogAsOf`). */
  assets: RuleAsset[];
  concerns: RuleConcern[];
  people: PersonRecord[];
  attributes: AttributeHistory;
  settings: RuleSettings;
  /** Every A and R assignment, past and present, without confirmations. */
  assignments: AssignmentRecord[];
}

export async function loadOwnershipHistory(prisma: Db): Promise<OwnershipHistory> {
  const [catalog, attributes, assignments] = await Promise.all([
    loadRuleCatalog(prisma),
    loadAttributeHistory(prisma),
    // Instants travel as epoch milliseconds, rows as arrays: parsing 170,000 timestamps as text and mapping
    // each row through Prisma would cost more than the query itself. The columns hold whole milliseconds;
    // round, not floor, as extract() is a double before PostgreSQL 14 (...122.9999).
    queryRowArrays<[number, number, number, RaciRole, AssignmentSource, number, number | null]>(
      prisma,
      `SELECT "assetId", "concernId", "personId", role::text, source::text,
         round(extract(epoch FROM "startedAt") * 1000)::float8, round(extract(epoch FROM "endedAt") * 1000)::float8
       FROM "Assignment" WHERE role IN ('A', 'R')`,
    ),
  ]);
  return {
    ...catalog,
    attributes,
    assignments: assignments.map(([assetId, concernId, personId, role, source, startedAt, endedAt]) =>
      assignmentRecord({ assetId, concernId, personId, role, source, startedAt: new Date(startedAt), endedAt: endedAt === null ? null : new Date(endedAt) }),
    ),
  };
}
