import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { clearDataVersionCache } from "@/lib/cache/kept-figures";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { loadCellState } from "@/lib/ownership/cell-state";
import { editCell } from "@/lib/ownership/edit-cell";
import { useTestDatabase } from "@/tools/testing/test-database";
import { loadReport, type LoadedReport } from "./load-report";
import { loadSharedReport } from "./shared-report";

/**
 * The screens' report is brought up to date after a cell edit (snapshot and sources patched, not read
 * again): it must be the report a full load gives.
 */
describe("the shared report after a cell edit", () => {
  const db = useTestDatabase();
  let adminId: number;
  beforeAll(async () => {
    await seedDemoOrganisation(db.prisma);
    adminId = (await db.prisma.person.findUniqueOrThrow({ where: { email: "admin@example.org" } })).id;
  });
  beforeEach(() => clearDataVersionCache());

  const comparable = ({ asOf: _asOf, cells, people: _people, ...report }: LoadedReport) => ({ ...report, cells: cells.map((cell) => `${cell.assetKey}/${cell.concernKey}:${cell.score}`) });

  it("equals a full load, for every filter set, after edits that add and end holders", async () => {
    const filterSets = [{}, { function: "shared" as const }, { concern: "privacy-compliance" }];
    for (const filters of filterSets) await loadSharedReport(db.prisma, filters);
    const edits: [string, string][] = [["corporate-website", "privacy-compliance"], ["hubspot-crm", "data-quality"]];
    for (const [assetKey, concernKey] of edits) {
      const cell = await loadCellState(db.prisma, assetKey, concernKey, new Date());
      const accountable = cell.holders.filter((holder) => holder.role === "A").map((holder) => holder.assignmentId);
      const consulted = await db.prisma.person.findFirstOrThrow({ where: { email: "it.manager@example.org" } });
      await db.prisma.$transaction((tx) =>
        editCell(
          tx,
          { id: adminId, role: "admin", teamId: null, teamFunction: null },
          cell,
          { expectedVersion: cell.version, add: [{ personId: consulted.id, role: "C" }], end: accountable },
          (entry) => recordAudit(tx, { ...entry, actorId: adminId }),
        ),
      );
    }
    for (const filters of filterSets) {
      const shared = await loadSharedReport(db.prisma, filters);
      const fresh = await loadReport(db.prisma, filters, new Date());
      expect(comparable(shared)).toEqual(comparable(fresh));
    }
    // The edits show: both cells lost their accountable owner.
    const gaps = (await loadSharedReport(db.prisma, {})).gaps.filter((gap) => gap.type === "no-accountable").map((gap) => `${gap.assetKey}/${gap.concernKey}`);
    expect(gaps).toEqual(expect.arrayContaining(edits.map((edit) => edit.join("/"))));
  });
});
