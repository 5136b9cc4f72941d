import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { createServiceToken, revokeToken } from "@/lib/tokens/tokens";
import {
  callScim,
  ERROR_SCHEMA,
  filterQuery,
  prepareScimOrganisation,
  type ScimOrganisation,
} from "@/tools/testing/scim-client";
import { useTestDatabase } from "@/tools/testing/test-database";

/** Issue 18: SCIM lists page as RFC 7644 says, and every refusal (a wrong token among them) answers in SCIM's error format. */

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

describe("SCIM lists and refusals", () => {
  const database = useTestDatabase();
  let db: Db;
  let kit: ScimOrganisation;
  const scim = (method: string, path: string, body?: unknown) =>
    callScim(method, path, { token: kit.tokens.scim.token, body });

  beforeAll(async () => {
    db = database.prisma;
    session.prisma = db;
    kit = await prepareScimOrganisation(db);
  });

  it("pages a list from startIndex by count, and answers SCIM errors for a bad filter, a taken userName, an unknown id and a renamed userName", async () => {
    const total = await db.person.count();
    const page = await scim("GET", "/Users?startIndex=2&count=3");
    expect(page.body).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 3 });
    expect(page.body.Resources.map((user: { id: string }) => Number(user.id))).toEqual(
      (await db.person.findMany({ orderBy: { id: "asc" }, skip: 1, take: 3 })).map((person) => person.id),
    );
    expect((await scim("GET", "/Users?count=0")).body).toMatchObject({
      totalResults: total,
      itemsPerPage: 0,
      Resources: [],
    });

    const error = (status: number, scimType?: string) => ({
      status,
      body: { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}) },
    });
    expect(await scim("GET", `/Users?${filterQuery("userName eq admin")}`)).toMatchObject(
      error(400, "invalidFilter"),
    );
    expect(await scim("POST", "/Users", { userName: "ADMIN@example.org" })).toMatchObject(
      error(409, "uniqueness"),
    );
    expect(await scim("POST", "/Users", { userName: "not an email" })).toMatchObject(
      error(400, "invalidValue"),
    );
    expect(await scim("GET", "/Users/999999")).toMatchObject(error(404));
    const viewer = await db.person.findUniqueOrThrow({ where: { email: "viewer@example.org" } });
    expect(
      await scim("PATCH", `/Users/${viewer.id}`, {
        Operations: [{ op: "replace", path: "userName", value: "someone.else@example.org" }],
      }),
    ).toMatchObject(error(400, "mutability"));
  });

  it("lets only a live SCIM token in, and a SCIM token nowhere else", async () => {
    const refused = (status: number) => ({
      status,
      body: { schemas: [ERROR_SCHEMA], status: String(status) },
    });
    expect(await callScim("GET", "/Users", { token: kit.tokens.service.token })).toMatchObject(refused(403));
    const anonymous = await callScim("GET", "/Users");
    expect(anonymous).toMatchObject(refused(401));
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    session.user = {
      id: kit.adminId,
      email: "admin@example.org",
      name: "Admin",
      role: "admin",
      teamId: null,
      teamName: null,
      teamFunction: null,
    };
    expect(await callScim("GET", "/Users")).toMatchObject(refused(401));
    session.user = null;

    const { GET } = await import("@/app/api/v1/people/route");
    const onApi = await GET(
      new Request("http://localhost/api/v1/people", {
        headers: { authorization: `Bearer ${kit.tokens.scim.token}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect({ status: onApi.status, body: await onApi.json() }).toMatchObject({
      status: 403,
      body: { ok: false, code: "forbidden" },
    });

    const revoked = await kit.asAdmin((tx, audit) =>
      createServiceToken(
        tx,
        kit.adminId,
        { name: "Old Entra", role: "admin", teamId: null, expiresInDays: null, scim: true },
        audit,
      ),
    );
    await kit.asAdmin((tx, audit) => revokeToken(tx, revoked.id, null, audit));
    expect(await callScim("GET", "/Users", { token: revoked.token })).toMatchObject(refused(401));
  });
});
