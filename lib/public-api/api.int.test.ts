import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/auth/write-policy";
import { getAssetDetail } from "@/lib/catalog/asset-detail";
import type { Db } from "@/lib/db/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { isoWeekOf } from "@/lib/review/iso-week";
import { readTimeZone } from "@/lib/settings/queries";
import { createPersonalToken, createServiceToken, revokeToken } from "@/lib/tokens/tokens";
import { createApiClient } from "@/tools/testing/api-v1";
import { useTestDatabase } from "@/tools/testing/test-database";
import { openApiDocument } from "./openapi";

/**
 * Issue 17 through the route handlers, as a script with a token would use /api/v1: every answer is checked
 * against the OpenAPI document by the client (tools/testing/api-v1.ts), and the last test requires that every
 * operation of the document answered successfully at least once.
 */

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

const RATE_LIMIT = 100;

describe("the API", () => {
  const database = useTestDatabase();
  const { call, exercised } = createApiClient();
  let db: Db;
  const tokens = {} as Record<"service" | "admin" | "itManager" | "marketingManager" | "viewer", { id: number; token: string }>;
  const idOf = async (email: string) => (await db.person.findUniqueOrThrow({ where: { email } })).id;
  const asPerson = <T>(actorId: number, write: (tx: Tx, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>) =>
    db.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId })));
  const personal = async (email: string, expiresInDays: number | null = null) => {
    const id = await idOf(email);
    return asPerson(id, (tx, audit) => createPersonalToken(tx, id, { name: `Script of ${email}`, expiresInDays }, audit));
  };

  beforeAll(async () => {
    vi.stubEnv("TANDEM_API_RATE_LIMIT", String(RATE_LIMIT));
    db = database.prisma;
    session.prisma = db;
    await seedDemoOrganisation(db);
    const adminId = await idOf("admin@example.org");
    tokens.service = await asPerson(adminId, (tx, audit) => createServiceToken(tx, adminId, { name: "CMDB sync", role: "admin", teamId: null, expiresInDays: null }, audit));
    tokens.admin = await personal("admin@example.org");
    tokens.itManager = await personal("it.manager@example.org");
    tokens.marketingManager = await personal("marketing.manager@example.org");
    tokens.viewer = await personal("viewer@example.org");
  });
  afterAll(() => vi.unstubAllEnvs());

  it("lets a script with a service token create an asset, set its owners and read the gap report, every write audited with the token", async () => {
    const created = await call("POST", "/assets", {
      token: tokens.service.token,
      body: { key: "partner-portal", name: "Partner portal", kind: "website", criticality: "high", url: "https://partners.example.org", vendor: "Acme" },
    });
    expect(created).toMatchObject({ status: 201, body: { key: "partner-portal", kind: "website", lifecycle: "active", vendor: "Acme" } });

    const empty = await call("GET", "/cells/partner-portal/content", { token: tokens.service.token });
    expect(empty.body).toMatchObject({ in_scope: true, covered: false, holders: [], gaps: expect.arrayContaining([{ type: "no-accountable", severity: "critical" }]) });
    const owned = await call("PUT", "/cells/partner-portal/content", {
      token: tokens.service.token,
      headers: { "if-match": empty.headers.get("etag")! },
      body: { holders: [{ person_email: "grace.liu@example.org", role: "A" }, { person_email: "nina.petrova@example.org", role: "R" }] },
    });
    expect(owned.status, JSON.stringify(owned.body)).toBe(200);
    expect(owned.body.holders.map((holder: { person_email: string; role: string }) => `${holder.role} ${holder.person_email}`).sort()).toEqual([
      "A grace.liu@example.org",
      "R nina.petrova@example.org",
    ]);
    expect(owned.headers.get("etag")).not.toBe(empty.headers.get("etag"));

    const report = await call("GET", "/report?kind=website", { token: tokens.service.token });
    expect(report.status).toBe(200);
    const csv = await call("GET", "/report.csv?kind=website", { token: tokens.service.token });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.body).toContain("partner-portal");
    // The report is the one of `npm run report`: its gaps are the website cells' gaps, the new asset's among them.
    expect(report.body.gaps.some((gap: { assetKey: string }) => gap.assetKey === "partner-portal")).toBe(true);

    const events = await db.auditEvent.findMany({ where: { apiTokenId: tokens.service.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["asset.created", "assignment.added", "assignment.added"]);
    // A service token's writes are made in the name of the admin who created it.
    expect(new Set(events.map((event) => event.actorId))).toEqual(new Set([await idOf("admin@example.org")]));
    // And the asset's history says so.
    const detail = await getAssetDetail("partner-portal", db);
    expect(detail?.history.map((entry) => entry.actorName)).toContain("Alex Morgan (API token “CMDB sync”)");
  });

  it("pages through lists with cursors, filters as the screens do, and refuses a made-up cursor", async () => {
    const keys: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { key: string }[]; next_cursor: string | null } } = await call("GET", `/assets?limit=7${cursor ? `&cursor=${cursor}` : ""}`, { token: tokens.viewer.token });
      keys.push(...page.body.items.map((asset) => asset.key));
      cursor = page.body.next_cursor;
    } while (cursor);
    const all = await db.asset.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(keys).toEqual(all.map((asset) => asset.key));

    const websites = await call("GET", "/assets?kind=website&criticality=high", { token: tokens.viewer.token });
    expect(websites.body.items.length).toBeGreaterThan(0);
    expect(websites.body.items.every((asset: { kind: string; criticality: string }) => asset.kind === "website" && asset.criticality === "high")).toBe(true);
    const ownedByWebPlatform = await call("GET", "/assets?team=Web%20Platform&limit=500", { token: tokens.viewer.token });
    expect(ownedByWebPlatform.body.items.length).toBeGreaterThan(0);
    expect(ownedByWebPlatform.body.items.length).toBeLessThan(all.length);

    expect(await call("GET", "/assets?cursor=not-ours!", { token: tokens.viewer.token })).toMatchObject({ status: 422, body: { code: "invalid" } });
    expect(await call("GET", "/assets?limit=5000", { token: tokens.viewer.token })).toMatchObject({ status: 422, body: { fieldErrors: { limit: expect.any(Array) } } });

    const people = await call("GET", "/people?team=Web%20Platform&active=true", { token: tokens.viewer.token });
    expect(people.body.items.map((person: { email: string }) => person.email)).toContain("it.manager@example.org");
    expect(people.body.items.every((person: { team: string; active: boolean }) => person.team === "Web Platform" && person.active)).toBe(true);
  });

  it("reads one of each by the keys of the CSV files, and answers 404 in the app's error shape", async () => {
    const token = tokens.viewer.token;
    expect((await call("GET", "/assets/online-store", { token })).body).toMatchObject({ key: "online-store", kind: "website" });
    expect((await call("GET", "/people/it.manager%40example.org", { token })).body).toMatchObject({ email: "it.manager@example.org", team: "Web Platform", function: "it", role: "manager", active: true });
    expect((await call("GET", "/teams/Web%20Platform", { token })).body).toMatchObject({ name: "Web Platform", function: "it" });
    expect((await call("GET", "/teams", { token })).body.items.length).toBeGreaterThan(3);
    expect((await call("GET", "/concerns/content", { token })).body).toMatchObject({ key: "content", kinds: expect.arrayContaining(["website"]) });
    expect((await call("GET", "/concerns", { token })).body.items.length).toBeGreaterThan(5);
    expect((await call("GET", "/kinds/website", { token })).body).toMatchObject({ key: "website", concerns: expect.arrayContaining(["content"]) });
    expect((await call("GET", "/kinds", { token })).body.items.length).toBeGreaterThan(5);
    expect(await call("GET", "/assets/no-such-asset", { token })).toMatchObject({ status: 404, body: { ok: false, code: "not-found", error: expect.any(String) } });
  });

  it("changes only the fields sent, retires with DELETE, and marks a person as left with every effect", async () => {
    const token = tokens.admin.token;
    const patched = await call("PATCH", "/assets/partner-portal", { token, body: { criticality: "critical" } });
    expect(patched.body).toMatchObject({ criticality: "critical", vendor: "Acme", name: "Partner portal" });
    expect((await call("DELETE", "/assets/partner-portal", { token, body: {} })).body).toMatchObject({ lifecycle: "retired" });

    const person = await call("POST", "/people", { token, body: { email: "new.engineer@example.org", name: "New Engineer", team: "Web Platform", role: "manager" } });
    expect(person).toMatchObject({ status: 201, body: { team: "Web Platform", role: "manager", active: true } });
    const theirs = await personal("new.engineer@example.org");
    expect((await call("GET", "/kinds", { token: theirs.token })).status).toBe(200);
    await call("PUT", "/cells/online-store/content", {
      token,
      body: { holders: [...(await call("GET", "/cells/online-store/content", { token })).body.holders.map(({ person_email, role }: { person_email: string; role: string }) => ({ person_email, role })), { person_email: "new.engineer@example.org", role: "C" }] },
    });
    const left = await call("PATCH", "/people/new.engineer%40example.org", { token, body: { active: false, name: "New Engineer (left)" } });
    expect(left.body).toMatchObject({ active: false, name: "New Engineer (left)" });
    // Their token ends with them, and the cells they hold say so.
    expect((await call("GET", "/kinds", { token: theirs.token })).status).toBe(401);
    const cell = await call("GET", "/cells/online-store/content", { token });
    expect(cell.body.holders.find((holder: { person_email: string }) => holder.person_email === "new.engineer@example.org")).toMatchObject({ active: false });

    expect(await call("POST", "/teams", { token, body: { name: "Growth Lab", function: "marketing" } })).toMatchObject({ status: 201, body: { name: "Growth Lab", members: 0 } });
    expect((await call("PATCH", "/teams/Growth%20Lab", { token, body: { name: "Growth Studio" } })).body).toMatchObject({ name: "Growth Studio", function: "marketing" });
    expect(await call("PATCH", "/people/viewer%40example.org", { token, body: { team: "No Such Team" } })).toMatchObject({ status: 422, body: { fieldErrors: { team: expect.any(Array) } } });
  });

  it("answers 412 to a stale If-Match before judging anything else, and holds the matrix's rules", async () => {
    const read = await call("GET", "/cells/careers-site/content", { token: tokens.viewer.token });
    const etag = read.headers.get("etag")!;
    const replace = (token: string, body: unknown, headers: Record<string, string> = {}) => call("PUT", "/cells/careers-site/content", { token, body, headers });
    const holders = read.body.holders.map(({ person_email, role }: { person_email: string; role: string }) => ({ person_email, role }));
    await replace(tokens.admin.token, { holders: [...holders, { person_email: "grace.liu@example.org", role: "I" }] }, { "if-match": etag });
    // Stale: a viewer, who may not write, with a body that is not valid, still learns first that the cell changed.
    expect(await replace(tokens.viewer.token, { holders: "nonsense" }, { "if-match": etag })).toMatchObject({ status: 412, body: { code: "precondition-failed" } });
    expect(await replace(tokens.viewer.token, { holders })).toMatchObject({ status: 403 });
    expect(await replace(tokens.admin.token, { holders: [...holders, { person_email: "mia.novak@example.org", role: "A" }] })).toMatchObject({ status: 422 });
    expect(await replace(tokens.admin.token, { holders: [{ person_email: "mia.novak@example.org", role: "R" }] })).toMatchObject({ status: 422 });
    expect(await replace(tokens.admin.token, { holders: [{ person_email: "ravi.patel@example.org", role: "A" }] })).toMatchObject({ status: 422 });
    // A manager edits only where their team holds A or R, or the uncovered cells of their review's scope.
    expect(await replace(tokens.itManager.token, { holders })).toMatchObject({ status: 403 });
    expect(await replace(tokens.marketingManager.token, { holders: [...holders, { person_email: "mia.novak@example.org", role: "C" }] })).toMatchObject({ status: 200 });
  });

  it("lets a manager's token open, fill in and submit their team's review, and no other team's", async () => {
    const isoWeek = isoWeekOf(new Date(), await readTimeZone(db));
    expect(await call("POST", "/reviews", { token: tokens.marketingManager.token, body: { team: "Web Platform", iso_week: isoWeek } })).toMatchObject({ status: 403 });
    const opened = await call("POST", "/reviews", { token: tokens.itManager.token, body: { team: "Web Platform", iso_week: isoWeek } });
    expect(opened).toMatchObject({ status: 201, body: { team: "Web Platform", iso_week: isoWeek, status: "draft", editable: true } });
    const id = opened.body.id as number;
    const cells = (opened.body.cells as { asset_key: string; concern_key: string }[]).map(({ asset_key, concern_key }) => ({ asset_key, concern_key }));
    expect(cells.length).toBeGreaterThan(0);

    const [first, ...rest] = cells;
    const flagged = await call("PUT", `/reviews/${id}/decisions`, { token: tokens.itManager.token, body: { ...first, decision: "flag", flag_reason: "owner-unclear" } });
    expect(flagged.body).toMatchObject({ ...first, decision: { decision: "flag", flag_reason: "owner-unclear", accountable_email: null } });
    expect(await call("PUT", `/reviews/${id}/decisions`, { token: tokens.marketingManager.token, body: { ...first, decision: "confirm" } })).toMatchObject({ status: 403 });
    // The screen's rules of a decision hold: nobody is both accountable and responsible.
    const change = { ...first, decision: "change", accountable_email: "jonas.lind@example.org", responsible_emails: ["jonas.lind@example.org"] };
    expect(await call("PUT", `/reviews/${id}/decisions`, { token: tokens.itManager.token, body: change })).toMatchObject({ status: 422, body: { code: "invalid" } });
    expect(await call("POST", `/reviews/${id}/submit`, { token: tokens.itManager.token, body: {} })).toMatchObject({ status: 422 });
    for (const cell of rest) await call("PUT", `/reviews/${id}/decisions`, { token: tokens.itManager.token, body: { ...cell, decision: "confirm" } });
    const submitted = await call("POST", `/reviews/${id}/submit`, { token: tokens.itManager.token, body: {} });
    expect(submitted.body).toMatchObject({ status: "submitted", submitted_by: "it.manager@example.org", editable: false });

    expect((await call("GET", `/reviews/${id}`, { token: tokens.viewer.token })).body.cells).toHaveLength(cells.length);
    const listed = await call("GET", `/reviews?team=Web%20Platform&week=${isoWeek}`, { token: tokens.viewer.token });
    expect(listed.body.items.map((review: { id: number }) => review.id)).toEqual([id]);
  });

  it("refuses revoked, expired and malformed tokens with 401, and rate limits each token with 429 and Retry-After", async () => {
    const revoked = await personal("viewer@example.org");
    const viewerId = await idOf("viewer@example.org");
    await asPerson(viewerId, (tx, audit) => revokeToken(tx, revoked.id, viewerId, audit));
    expect(await call("GET", "/kinds", { token: revoked.token })).toMatchObject({ status: 401, body: { code: "unauthenticated" } });
    const expiring = await personal("viewer@example.org", 1);
    await db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call("GET", "/kinds", { token: expiring.token })).status).toBe(401);
    const malformed = await call("GET", "/kinds", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(malformed).toMatchObject({ status: 401 });
    expect(malformed.headers.get("www-authenticate")).toContain("Bearer");
    expect((await call("GET", "/kinds", {})).status).toBe(401);

    const busy = await personal("viewer@example.org");
    // The clock stands still, so that the bucket does not refill while the requests are made.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    try {
      const statuses: number[] = [];
      for (let request = 0; request < RATE_LIMIT; request++) statuses.push((await call("GET", "/kinds", { token: busy.token })).status);
      expect(statuses.every((status) => status === 200)).toBe(true);
      const limited = await call("GET", "/kinds", { token: busy.token });
      expect(limited).toMatchObject({ status: 429, body: { code: "rate-limited" } });
      // One request comes back every 60 / RATE_LIMIT seconds.
      expect(limited.headers.get("retry-after")).toBe("1");
      // Another token is not slowed down by this one.
      expect((await call("GET", "/kinds", { token: tokens.viewer.token })).status).toBe(200);
      vi.setSystemTime(Date.now() + 1_000);
      expect((await call("GET", "/kinds", { token: busy.token })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never lets a token act on the screens' routes", async () => {
    const { POST } = await import("@/app/api/assets/route");
    const request = new Request("http://localhost/api/assets", {
      method: "POST",
      headers: { authorization: `Bearer ${tokens.admin.token}`, "content-type": "application/json" },
      body: JSON.stringify({ key: "via-browser-route", name: "Nope", kindKey: "website", criticality: "low", lifecycle: "active" }),
    });
    const response = await POST(request);
    expect(response.status).toBe(401);
    expect(await db.asset.count({ where: { key: "via-browser-route" } })).toBe(0);
  });

  it("takes the session cookie only from this site's own pages", async () => {
    session.user = { id: await idOf("viewer@example.org"), email: "viewer@example.org", name: "Vera", role: "viewer", teamId: null, teamName: null, teamFunction: null };
    try {
      expect((await call("GET", "/kinds", { headers: { origin: "http://localhost", host: "localhost" } })).status).toBe(200);
      expect(await call("GET", "/kinds", { headers: { origin: "https://evil.example", host: "localhost" } })).toMatchObject({ status: 403 });
      expect(await call("GET", "/kinds", { headers: { "sec-fetch-site": "cross-site" } })).toMatchObject({ status: 403 });
    } finally {
      session.user = null;
    }
  });

  it("has answered every operation of its OpenAPI document successfully, each answer valid against it", () => {
    const operations = Object.entries(openApiDocument().paths ?? {}).flatMap(([template, item]) =>
      Object.keys(item ?? {})
        .filter((method) => ["get", "post", "put", "patch", "delete"].includes(method))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(operations.filter((operation) => operation !== "GET /openapi.json" && !exercised.has(operation))).toEqual([]);
  });
});
