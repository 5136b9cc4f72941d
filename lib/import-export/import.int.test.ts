import { beforeAll, describe, expect, it } from "vitest";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "@/tools/testing/test-database";
import type { ImportFiles } from "./formats";
import type { ImportPlan } from "./plan-types";
import { importForUser, runImport, type ImportMode } from "./run-import";
import { allFixtures, countRows, csvFile, fixture } from "@/tools/testing/import-files";

describe("importing into a freshly migrated, empty database", () => {
  const db = useTestDatabase();
  const run = (files: ImportFiles, mode: ImportMode) => db.prisma.$transaction((tx) => runImport(tx, null, files, mode));
  const failure = (files: ImportFiles) => refusal(run(files, "apply"));

  beforeAll(async () => {
    await ensureDefaultCatalog(db.prisma);
  });

  it("previews the three files without writing anything", async () => {
    const before = await countRows(db.prisma);
    const outcome = await run(allFixtures(), "preview");
    expect(outcome).toMatchObject({ mode: "preview", applied: false, importId: null });
    expect(summary(outcome.plan)).toEqual({
      "people.csv": { rows: 6, created: 6, updated: 0, unchanged: 0, errors: 0 },
      "assets.csv": { rows: 3, created: 3, updated: 0, unchanged: 0, errors: 0 },
      "assignments.csv": { rows: 8, created: 8, updated: 0, unchanged: 0, ended: 0, errors: 0 },
    });
    expect(outcome.plan.teamsCreated).toEqual(["Marketing Operations", "Brand & Content", "Web Platform"]);
    expect(outcome.plan.changeCount).toBe(3 + 6 + 3 + 8);
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("refuses the whole import when one row is wrong: nothing is written", async () => {
    const before = await countRows(db.prisma);
    const error = await failure({ ...fixture("people"), ...fixture("assets", "assets-bad-row.csv") });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid", message: "The files have an error; nothing was imported." });
    const plan = error.details.current as ImportPlan;
    expect(plan.files.flatMap((file) => file.errors)).toEqual([
      { file: "assets.csv", line: 3, column: "criticality", message: "must be one of low, medium, high, critical" },
    ]);
    expect(plan.files.map((file) => [file.file, file.created])).toEqual([["people.csv", 6], ["assets.csv", 1]]);
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("applies the files in one go, with an audit event per entity and one for the import", async () => {
    const outcome = await run(allFixtures(), "apply");
    expect(outcome).toMatchObject({ mode: "apply", applied: true, importId: expect.any(String) });
    expect(await countRows(db.prisma)).toMatchObject({
      teams: 3,
      people: 6,
      assets: 3,
      assignments: 8,
      // The four assignments with a confirmed_at are confirmed once each.
      confirmations: 4,
      auditEvents: 3 + 6 + 3 + 8 + 1,
    });

    const lea = await db.prisma.person.findUniqueOrThrow({ where: { email: "lea.left@example.org" }, include: { team: true } });
    expect(lea).toMatchObject({ name: 'Léa "Left" Martin', role: "none", passwordHash: null, team: { name: "Brand & Content", function: "marketing" } });
    expect(lea.deactivatedAt).toBeInstanceOf(Date);
    const viewer = await db.prisma.person.findUniqueOrThrow({ where: { email: "val.viewer@example.org" } });
    expect(viewer).toMatchObject({ teamId: null, role: "viewer", deactivatedAt: null, passwordHash: null });

    const retired = await db.prisma.asset.findUniqueOrThrow({ where: { key: "old-microsite" } });
    expect(retired.lifecycle).toBe("retired");
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect(await db.prisma.asset.findUniqueOrThrow({ where: { key: "crm" } })).toMatchObject({ name: "CRM, consumer", url: null, retiredAt: null });

    const hosting = await db.prisma.assignment.findFirstOrThrow({
      where: { asset: { key: "corporate-site" }, concern: { key: "hosting-uptime" }, role: "A" },
      include: { confirmations: true },
    });
    expect(hosting).toMatchObject({ source: "import", endedAt: null, confirmedAt: new Date("2026-01-05T10:00:00Z"), createdById: null });
    expect(hosting.confirmations).toEqual([expect.objectContaining({ confirmedAt: new Date("2026-01-05T10:00:00Z"), source: "import" })]);

    const applied = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "import.applied" } });
    expect(applied).toMatchObject({ actorId: null, entityType: "import", entityId: outcome.importId });
    expect(applied.after).toMatchObject({
      files: [
        { file: "people.csv", uploadedName: "people.csv", created: 6 },
        { file: "assets.csv", uploadedName: "assets.csv", created: 3 },
        { file: "assignments.csv", uploadedName: "assignments.csv", created: 8, ended: 0 },
      ],
      teamsCreated: ["Marketing Operations", "Brand & Content", "Web Platform"],
    });
    const actions = await db.prisma.auditEvent.groupBy({ by: ["action", "entityType"], _count: true, orderBy: { action: "asc" } });
    expect(actions.map((a) => [a.action, a.entityType, a._count])).toEqual([
      ["asset.created", "asset", 3],
      ["assignment.added", "cell", 8],
      ["import.applied", "import", 1],
      ["person.created", "person", 6],
      ["team.created", "team", 3],
    ]);
    expect(await db.prisma.auditEvent.findFirst({ where: { action: "assignment.added", entityId: "corporate-site/content" } })).toBeTruthy();
  });

  it("is idempotent: the same files again change nothing and leave no trace", async () => {
    const before = await countRows(db.prisma);
    const outcome = await run(allFixtures(), "apply");
    expect(outcome).toMatchObject({ applied: true, importId: null });
    expect(summary(outcome.plan)).toEqual({
      "people.csv": { rows: 6, created: 0, updated: 0, unchanged: 6, errors: 0 },
      "assets.csv": { rows: 3, created: 0, updated: 0, unchanged: 3, errors: 0 },
      "assignments.csv": { rows: 8, created: 0, updated: 0, unchanged: 8, ended: 0, errors: 0 },
    });
    expect(outcome.plan.changeCount).toBe(0);
    expect(await countRows(db.prisma)).toEqual(before);
  });

  it("updates what changed and keeps the date someone already left on", async () => {
    const lea = await db.prisma.person.findUniqueOrThrow({ where: { email: "lea.left@example.org" } });
    const outcome = await run(
      csvFile("people", [
        "email,name,team,function,role,active",
        "lea.left@example.org,Léa Martin,Brand & Content,marketing,none,false",
        "dev.ops@example.org,Dev Ops,Web Platform,it,none,FALSE",
        "val.viewer@example.org,Val Viewer,,,viewer,true",
      ]),
      "apply",
    );
    expect(summary(outcome.plan)["people.csv"]).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    expect(await db.prisma.person.findUniqueOrThrow({ where: { email: "lea.left@example.org" } })).toMatchObject({
      name: "Léa Martin",
      deactivatedAt: lea.deactivatedAt,
    });
    const events = await db.prisma.auditEvent.findMany({ where: { entityType: "person", action: { not: "person.created" } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ["person.updated", "lea.left@example.org"],
      ["person.deactivated", "dev.ops@example.org"],
    ]);
    expect(events[0]?.before).toMatchObject({ name: 'Léa "Left" Martin' });
    expect(events[0]?.after).toMatchObject({ name: "Léa Martin" });

    await run(csvFile("people", ["email,name,team,function,role,active", "dev.ops@example.org,Dev Ops,Web Platform,it,none,true"]), "apply");
    expect(await db.prisma.person.findUniqueOrThrow({ where: { email: "dev.ops@example.org" } })).toMatchObject({ deactivatedAt: null });
  });

  it("refuses a team whose function conflicts with the existing team, or differs from it only in case", async () => {
    const error = await failure(
      csvFile("people", [
        "email,name,team,function,role,active",
        "new.person@example.org,New Person,Web Platform,marketing,none,true",
        "other.person@example.org,Other Person,web platform,it,none,true",
      ]),
    );
    expect((error.details.current as ImportPlan).files[0]?.errors).toEqual([
      { file: "people.csv", line: 2, column: "function", message: "team Web Platform already exists as a it team" },
      {
        file: "people.csv",
        line: 3,
        column: "team",
        message: "differs only in case from the existing team Web Platform: write it the same way",
      },
    ]);
  });

  it("refuses an unknown asset kind and retires and revives assets with their dates", async () => {
    const unknownKind = await failure(csvFile("assets", ["key,name,kind,criticality,lifecycle,url,vendor", "x,X,spaceship,low,active,,"]));
    expect((unknownKind.details.current as ImportPlan).files[0]?.errors[0]).toMatchObject({
      line: 2,
      column: "kind",
      message: expect.stringMatching(/^no asset kind spaceship; the kinds are ad-account, analytics, automation/),
    });

    await run(csvFile("assets", ["key,name,kind,criticality,lifecycle,url,vendor", "crm,\"CRM, consumer\",crm,high,retired,,HubSpot"]), "apply");
    const retired = await db.prisma.asset.findUniqueOrThrow({ where: { key: "crm" } });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect(await db.prisma.auditEvent.count({ where: { action: "asset.retired", entityId: "crm" } })).toBe(1);
    await run(csvFile("assets", ["key,name,kind,criticality,lifecycle,url,vendor", "crm,\"CRM, consumer\",crm,high,active,,HubSpot"]), "apply");
    expect(await db.prisma.asset.findUniqueOrThrow({ where: { key: "crm" } })).toMatchObject({ lifecycle: "active", retiredAt: null });
  });

  it("refuses an import without files", async () => {
    await expect(run({}, "preview")).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("at least one file") });
  });

  describe("an import by an admin", () => {
    const userOf = async (email: string) => {
      const person = await db.prisma.person.findUniqueOrThrow({ where: { email }, include: { team: true } });
      return { id: person.id, email, role: person.role as "admin" | "manager" | "viewer", teamId: person.teamId, teamFunction: person.team?.function ?? null };
    };
    const newAsset = csvFile("assets", ["key,name,kind,criticality,lifecycle,url,vendor", "refused-asset,Refused,crm,low,active,,"]);

    it("lets an admin import, as the actor of the audit events, but not demote or deactivate themselves", async () => {
      const admin = await userOf("ada.admin@example.org");
      const outcome = await db.prisma.$transaction((tx) => importForUser(tx, admin, newAsset, "apply"));
      expect(outcome.applied).toBe(true);
      expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "asset.created", entityId: "refused-asset" } })).toMatchObject({
        actorId: admin.id,
      });

      const demote = csvFile("people", ["email,name,team,function,role,active", "ada.admin@example.org,Ada Admin,Marketing Operations,marketing,manager,true"]);
      const error = await refusal(db.prisma.$transaction((tx) => importForUser(tx, admin, demote, "apply")));
      expect((error.details.current as ImportPlan).files[0]?.errors).toEqual([
        { file: "people.csv", line: 2, column: "role", message: "you cannot remove your own admin role or deactivate yourself in an import" },
      ]);
    });
  });
});

function refusal(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => expect.fail("the import should have been refused"),
    (caught: unknown) => caught as AppError,
  );
}

function summary(plan: ImportPlan) {
  return Object.fromEntries(
    plan.files.map(({ file, rows, created, updated, unchanged, ended, errors }) => [
      file,
      { rows, created, updated, unchanged, ...(ended === undefined ? {} : { ended }), errors: errors.length },
    ]),
  );
}
