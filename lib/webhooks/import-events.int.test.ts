import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import { runImport } from "@/lib/import-export/run-import";
import { recordAudit } from "@/lib/audit/record";
import { allFixtures, csvFile } from "@/tools/testing/import-files";
import { createCountingClient } from "@/tools/testing/query-counter";
import { useTestDatabase } from "@/tools/testing/test-database";
import { watchCells } from "./cell-watch";
import { createWebhookEndpoint } from "./endpoints";

/** An import's events: its cells' holders and gaps, and the people it marks as left, each written in bulk. */

const PEOPLE_HEADER = "email,name,team,function,role,active";

describe("webhook events of an import", () => {
  const db = useTestDatabase();
  const events = async (type: string) =>
    (
      await db.prisma.webhookEvent.findMany({
        where: { type },
        orderBy: { id: "asc" },
        select: { payload: true },
      })
    ).map((event) => (event.payload as { data: Record<string, unknown> }).data);

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", "integration-secret-of-at-least-32-bytes");
    vi.stubEnv("TANDEM_WEBHOOKS_ALLOW_PRIVATE", "true");
    await ensureDefaultCatalog(db.prisma);
    await db.prisma.$transaction((tx) =>
      createWebhookEndpoint(
        tx,
        {
          url: "http://127.0.0.1:9/hook",
          description: "",
          events: ["cell.changed", "gap.opened", "gap.closed", "person.deactivated"],
        },
        async (entry) => {
          await recordAudit(tx, { ...entry, actorId: null });
        },
      ),
    );
  });
  afterAll(() => vi.unstubAllEnvs());

  it("a first import: cell.changed for each cell it gives holders, with the gaps those cells open", async () => {
    await db.prisma.$transaction((tx) => runImport(tx, null, allFixtures(), "apply"));
    const changed = await events("cell.changed");
    expect(changed.map((cell) => `${cell.asset_key}/${cell.concern_key}`).sort()).toEqual(
      [
        "corporate-site/content",
        "corporate-site/hosting-uptime",
        "corporate-site/privacy-compliance",
        "crm/campaign-logic",
        "crm/security-access",
      ].sort(),
    );
    // Léa left before the import: her R on corporate-site/content is an inactive owner from the start.
    expect(await events("gap.opened")).toContainEqual(
      expect.objectContaining({
        asset_key: "corporate-site",
        concern_key: "content",
        gap_type: "inactive-owner",
      }),
    );
    // Nobody active was marked as left.
    expect(await events("person.deactivated")).toEqual([]);
    // One delivery per event, to the one endpoint.
    expect(await db.prisma.delivery.count({ where: { channel: "webhook" } })).toBe(
      await db.prisma.webhookEvent.count(),
    );
  });

  it("marking someone as left: person.deactivated with their cells, and the inactive-owner gaps it opens", async () => {
    await db.prisma.webhookEvent.deleteMany({});
    await db.prisma.$transaction((tx) =>
      runImport(
        tx,
        null,
        csvFile("people", [PEOPLE_HEADER, "ines.infra@example.org,Inès Infra,Web Platform,it,manager,false"]),
        "apply",
      ),
    );
    expect(await events("person.deactivated")).toEqual([
      expect.objectContaining({
        email: "ines.infra@example.org",
        team: "Web Platform",
        active: false,
        held_cells: [
          { asset_key: "corporate-site", concern_key: "hosting-uptime", role: "A" },
          { asset_key: "corporate-site", concern_key: "privacy-compliance", role: "R" },
          { asset_key: "crm", concern_key: "security-access", role: "A" },
        ],
      }),
    ]);
    const opened = (await events("gap.opened"))
      .filter((gap) => gap.gap_type === "inactive-owner")
      .map((gap) => `${gap.asset_key}/${gap.concern_key}`);
    expect(opened.sort()).toEqual([
      "corporate-site/hosting-uptime",
      "corporate-site/privacy-compliance",
      "crm/security-access",
    ]);
    expect(await events("cell.changed")).toEqual([]);
  });

  it("reads and writes the events of many cells in as many statements as those of a few", async () => {
    const counting = createCountingClient(db.url);
    /** Statements to watch the cells, end every holder of them and emit what changed; rolled back after. */
    const statementsFor = async (cells: { assetId: number; concernId: number }[]) => {
      counting.reset();
      let emitted = 0;
      await counting.prisma
        .$transaction(async (tx) => {
          const now = new Date();
          const watch = await watchCells(tx, { cells }, now);
          await tx.$executeRaw`UPDATE "Assignment" SET "endedAt" = ${now} WHERE "endedAt" IS NULL`;
          await watch!.emit(now);
          emitted = await tx.webhookEvent.count();
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      return { statements: counting.count(), emitted };
    };
    try {
      const held = await db.prisma.assignment.findMany({
        where: { endedAt: null },
        distinct: ["assetId", "concernId"],
        select: { assetId: true, concernId: true },
      });
      expect(held.length).toBeGreaterThan(4);
      const few = await statementsFor(held.slice(0, 2));
      const many = await statementsFor(held);
      expect(many.emitted).toBeGreaterThan(few.emitted);
      expect(many.statements).toBe(few.statements);
    } finally {
      await counting.close();
    }
  });
});
