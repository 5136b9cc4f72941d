import { beforeAll, describe, expect, it } from "vitest";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import type { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/tools/testing/test-database";
import type { ImportFiles } from "./formats";
import type { ImportPlan } from "./plan-types";
import { runImport } from "./run-import";
import { allFixtures, countRows, csvFile } from "@/tools/testing/import-files";

const HEADER = "asset_key,concern_key,person_email,role,confirmed_at";

describe("importing assignments.csv", () => {
  const db = useTestDatabase();
  const apply = (files: ImportFiles, now?: Date) => db.prisma.$transaction((tx) => runImport(tx, null, files, "apply", now));
  const assignments = (...rows: string[]) => csvFile("assignments", [HEADER, ...rows]);
  const current = (assetKey: string, concernKey: string) =>
    db.prisma.assignment.findMany({
      where: { asset: { key: assetKey }, concern: { key: concernKey }, endedAt: null },
      select: { role: true, confirmedAt: true, source: true, person: { select: { email: true } } },
      orderBy: [{ role: "asc" }, { personId: "asc" }],
    });

  beforeAll(async () => {
    await ensureDefaultCatalog(db.prisma);
    await apply(allFixtures());
  });

  it("states the complete ownership of the cells it mentions: others are ended, never deleted", async () => {
    const hostingBefore = await current("corporate-site", "hosting-uptime");
    const before = await countRows(db.prisma);
    const outcome = await apply(
      assignments("corporate-site,content,bruno.brand@example.org,A,2026-01-01", "corporate-site,content,ines.infra@example.org,R,"),
    );
    expect(outcome.plan.files[0]).toMatchObject({ created: 1, updated: 0, unchanged: 1, ended: 1, errors: [] });
    expect((await current("corporate-site", "content")).map((a) => [a.role, a.person.email])).toEqual([
      ["R", "ines.infra@example.org"],
      ["A", "bruno.brand@example.org"],
    ]);
    const ended = await db.prisma.assignment.findFirstOrThrow({ where: { person: { email: "lea.left@example.org" }, concern: { key: "content" } } });
    expect(ended.endedAt).toBeInstanceOf(Date);
    expect(await countRows(db.prisma)).toMatchObject({
      assignments: before.assignments + 1,
      currentAssignments: before.currentAssignments,
      confirmations: before.confirmations,
      // One added, one ended, and the import itself.
      auditEvents: before.auditEvents + 3,
    });
    expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "assignment.ended" } })).toMatchObject({
      entityType: "cell",
      entityId: "corporate-site/content",
      before: { person: "lea.left@example.org", role: "R" },
    });
    // A cell the file does not mention is left as it was.
    expect(await current("corporate-site", "hosting-uptime")).toEqual(hostingBefore);
  });

  it("records a newer confirmation once, and ignores an older or repeated one", async () => {
    const before = await countRows(db.prisma);
    const cell = ["crm,campaign-logic,ada.admin@example.org,A,2026-02-09T08:00:00Z"];
    const first = await apply(assignments(...cell));
    expect(first.plan.files[0]).toMatchObject({ created: 0, updated: 1, unchanged: 0, ended: 0 });
    expect(await current("crm", "campaign-logic")).toEqual([
      { role: "A", confirmedAt: new Date("2026-02-09T08:00:00Z"), source: "import", person: { email: "ada.admin@example.org" } },
    ]);
    expect(await countRows(db.prisma)).toMatchObject({ confirmations: before.confirmations + 1, auditEvents: before.auditEvents + 2 });
    expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "assignment.confirmed" } })).toMatchObject({
      entityId: "crm/campaign-logic",
      before: { confirmedAt: "2026-01-12T00:00:00.000Z" },
      after: { confirmedAt: "2026-02-09T08:00:00.000Z" },
    });

    const afterFirst = await countRows(db.prisma);
    for (const again of [cell, ["crm,campaign-logic,ada.admin@example.org,A,2026-01-20"], ["crm,campaign-logic,ada.admin@example.org,A,"]]) {
      const outcome = await apply(assignments(...again));
      expect(outcome.plan.files[0]).toMatchObject({ updated: 0, unchanged: 1 });
      expect(outcome.importId).toBeNull();
    }
    expect(await countRows(db.prisma)).toEqual(afterFirst);
  });

  it("takes a bare date as the start of that day in the organisation's time zone", async () => {
    await db.prisma.organisationSettings.update({ where: { id: 1 }, data: { timeZone: "Europe/Berlin" } });
    await apply(assignments("crm,security-access,ines.infra@example.org,A,2026-03-02", "crm,security-access,dev.ops@example.org,R,"));
    expect((await current("crm", "security-access")).map((a) => [a.role, a.confirmedAt])).toEqual([
      ["R", null],
      ["A", new Date("2026-03-01T23:00:00Z")],
    ]);
    await db.prisma.organisationSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
  });

  it("names every row that refers to something missing or inapplicable, and writes nothing", async () => {
    const before = await countRows(db.prisma);
    const error = await apply(
      assignments(
        "crm,hosting-uptime,ines.infra@example.org,A,",
        "nowhere,content,ines.infra@example.org,A,",
        "crm,made-up,ines.infra@example.org,A,",
        "crm,integrations,nobody@example.org,A,",
        "crm,integrations,ines.infra@example.org,R,",
        "crm,backup-recovery,ines.infra@example.org,A,",
      ),
    ).then(
      () => expect.fail("the import should have been refused"),
      (caught: unknown) => caught as AppError,
    );
    const plan = error.details.current as ImportPlan;
    expect(plan.files[0]?.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "concern_key", "concern hosting-uptime does not apply to assets of kind crm"],
      [3, "asset_key", "no asset with key nowhere in the database or in assets.csv"],
      [4, "concern_key", "no concern with key made-up"],
      [5, "person_email", "no person with email nobody@example.org in the database or in people.csv"],
    ]);
    expect(plan.files[0]).toMatchObject({ rows: 6, created: 2 });
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("checks a concern against the kind an asset has after the same import", async () => {
    const outcome = await db.prisma.$transaction((tx) =>
      runImport(
        tx,
        null,
        {
          ...csvFile("assets", ["key,name,kind,criticality,lifecycle,url,vendor", "crm,\"CRM, consumer\",data-store,high,active,,HubSpot"]),
          ...assignments("crm,hosting-uptime,ines.infra@example.org,A,"),
        },
        "preview",
      ),
    );
    expect(outcome.plan.errorCount).toBe(0);
    expect(outcome.plan.files.map((file) => [file.file, file.updated, file.created])).toEqual([
      ["assets.csv", 1, 0],
      ["assignments.csv", 0, 1],
    ]);
  });
});
