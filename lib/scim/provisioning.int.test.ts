import { beforeAll, describe, expect, it, vi } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { getApiReport } from "@/lib/public-api/report";
import { authenticateToken } from "@/lib/tokens/authenticate";
import { createPersonalToken } from "@/lib/tokens/tokens";
import {
  callScim,
  filterQuery,
  PATCH_OP,
  prepareScimOrganisation,
  USER_SCHEMA,
  type ScimOrganisation,
} from "@/tools/testing/scim-client";
import { useTestDatabase } from "@/tools/testing/test-database";

/**
 * Issue 18, items 1 and 2: the request sequences Okta and Microsoft Entra ID send to provision a user, replayed
 * through the route handlers with a SCIM token, and the "done when": a deactivation sent by SCIM shows that
 * person's cells as inactive-owner gaps in the very next report, with the notification and their tokens ended.
 */

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

describe("SCIM provisioning", () => {
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

  it("replays Okta: look up by userName, create, read, replace, then deactivate with a no-path PATCH", async () => {
    const email = "olive.okta@example.org";
    const lookup = await scim(
      "GET",
      `/Users?${filterQuery(`userName eq "${email}"`)}&startIndex=1&count=100`,
    );
    expect(lookup).toMatchObject({ status: 200, body: { totalResults: 0, Resources: [], startIndex: 1 } });
    expect(lookup.headers.get("content-type")).toBe("application/scim+json");

    const created = await scim("POST", "/Users", {
      schemas: [USER_SCHEMA],
      userName: "Olive.Okta@example.org",
      name: { givenName: "Olive", familyName: "Okta" },
      emails: [{ primary: true, value: email, type: "work" }],
      displayName: "Olive Okta",
      locale: "en-US",
      externalId: "00u1okta",
      groups: [],
      password: "never-kept-1",
      active: true,
    });
    expect(created).toMatchObject({
      status: 201,
      body: {
        userName: email,
        active: true,
        externalId: "00u1okta",
        name: { givenName: "Olive", familyName: "Okta" },
      },
    });
    const id: string = created.body.id;
    expect(await db.person.findUniqueOrThrow({ where: { id: Number(id) } })).toMatchObject({
      email,
      name: "Olive Okta",
      role: "viewer",
      passwordHash: null,
    });

    expect(await scim("GET", `/Users/${id}`)).toMatchObject({
      status: 200,
      body: { id, userName: email, emails: [{ value: email, type: "work", primary: true }] },
    });
    const replaced = await scim("PUT", `/Users/${id}`, {
      schemas: [USER_SCHEMA],
      id,
      userName: email,
      name: { givenName: "Olivia", familyName: "Okta" },
      externalId: "00u1okta",
      active: true,
    });
    expect(replaced).toMatchObject({ status: 200, body: { displayName: "Olivia Okta", active: true } });

    const deactivated = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { active: false } }],
    });
    expect(deactivated).toMatchObject({ status: 200, body: { active: false } });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "person.deactivated", entityId: email },
    });
    expect(event).toMatchObject({ actorId: kit.adminId, apiTokenId: kit.tokens.scim.id });

    expect(
      (
        await scim("PATCH", `/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: "replace", value: { active: true } }],
        })
      ).body.active,
    ).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "person.reactivated", entityId: email } })).toBe(1);
  });

  it("replays Entra ID: look up, create with the enterprise extension, Replace operations with string booleans, then active False", async () => {
    const email = "erin.entra@example.org";
    expect((await scim("GET", `/Users?${filterQuery(`userName eq "${email}"`)}`)).body.totalResults).toBe(0);
    const created = await scim("POST", "/Users", {
      schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
      externalId: "8b1a-entra",
      userName: email,
      active: true,
      displayName: "Erin Entra",
      emails: [{ primary: true, type: "work", value: email }],
      meta: { resourceType: "User" },
      name: { formatted: "Erin Entra", familyName: "Entra", givenName: "Erin" },
      roles: [],
      [ENTERPRISE_SCHEMA]: { department: "Web" },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const patched = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "displayName", value: "Erin E. Entra" },
        { op: "Replace", path: "name.familyName", value: "E. Entra" },
        { op: "Add", path: 'emails[type eq "work"].value', value: email },
        { op: "Replace", path: "active", value: "True" },
      ],
    });
    expect(patched).toMatchObject({ status: 200, body: { displayName: "Erin E. Entra", active: true } });
    expect((await scim("GET", `/Users?${filterQuery('externalId eq "8b1a-entra"')}`)).body).toMatchObject({
      totalResults: 1,
      Resources: [{ id }],
    });

    expect(
      await scim("PATCH", `/Users/${id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: "Replace", path: "active", value: "False" }],
      }),
    ).toMatchObject({ status: 200, body: { active: false } });
    expect((await db.person.findUniqueOrThrow({ where: { id: Number(id) } })).deactivatedAt).not.toBeNull();
  });

  it("done when: a SCIM deactivation shows the person's A cells as inactive-owner gaps in the next report, notifies, and ends their tokens", async () => {
    const held = await db.assignment.findFirstOrThrow({
      where: {
        role: "A",
        endedAt: null,
        person: { deactivatedAt: null, role: { in: ["viewer", "manager"] } },
      },
      select: { personId: true },
    });
    const leaver = await db.person.findUniqueOrThrow({ where: { id: held.personId } });
    const cells = await db.assignment.findMany({
      where: { personId: leaver.id, role: "A", endedAt: null },
      select: { asset: { select: { key: true } }, concern: { select: { key: true } } },
    });
    const cellKeys = cells.map((cell) => `${cell.asset.key}/${cell.concern.key}`).sort();
    const inactiveOwnerCells = async () =>
      (await getApiReport({ gap: "inactive-owner" }, db)).gaps
        .map((gap) => `${gap.assetKey}/${gap.concernKey}`)
        .filter((key) => cellKeys.includes(key));
    expect(await inactiveOwnerCells()).toEqual([]);
    const personal = await db.$transaction((tx) =>
      createPersonalToken(tx, leaver.id, { name: "Their script", expiresInDays: null }, (entry) =>
        recordAudit(tx, { ...entry, actorId: leaver.id }),
      ),
    );

    const { body } = await scim("GET", `/Users?${filterQuery(`userName eq "${leaver.email}"`)}`);
    expect(
      await scim("PATCH", `/Users/${body.Resources[0].id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: "Replace", path: "active", value: "False" }],
      }),
    ).toMatchObject({ status: 200 });

    expect([...new Set(await inactiveOwnerCells())].sort()).toEqual([...new Set(cellKeys)]);
    expect(await db.notification.count({ where: { kind: "holder_left" } })).toBeGreaterThan(0);
    // Their sessions end with their deactivation (lib/auth/session.ts refuses a person who left), and their tokens with it.
    expect(await authenticateToken(db, personal.token)).toBeNull();
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: personal.id } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
  });

  it("DELETE deactivates, keeping the person, their assignments and their history", async () => {
    const { body } = await scim("POST", "/Users", {
      userName: "dana.delete@example.org",
      name: { givenName: "Dana", familyName: "Delete" },
    });
    expect((await scim("DELETE", `/Users/${body.id}`)).status).toBe(204);
    expect(await scim("GET", `/Users/${body.id}`)).toMatchObject({
      status: 200,
      body: { active: false, userName: "dana.delete@example.org" },
    });
    expect(
      await db.auditEvent.count({ where: { entityType: "person", entityId: "dana.delete@example.org" } }),
    ).toBe(2);
    expect((await scim("DELETE", `/Users/${body.id}`)).status).toBe(204);
  });
});
