import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import {
  callScim,
  ERROR_SCHEMA,
  filterQuery,
  GROUP_SCHEMA,
  PATCH_OP,
  prepareScimOrganisation,
} from "@/tools/testing/scim-client";
import { useTestDatabase } from "@/tools/testing/test-database";

/** Issue 18: group push from Okta and Entra ID, replayed through the routes; a group is a team, its members the team's people. */

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

const TANDEM_GROUP = "urn:ietf:params:scim:schemas:extension:tandem:2.0:Group";

describe("SCIM groups", () => {
  const database = useTestDatabase();
  let db: Db;
  let token: string;
  const scim = (method: string, path: string, body?: unknown) => callScim(method, path, { token, body });
  const userId = async (userName: string) => {
    const created = await scim("POST", "/Users", { userName, displayName: userName.split("@")[0] });
    return created.body.id as string;
  };
  const teamOf = async (id: string) =>
    (await db.person.findUniqueOrThrow({ where: { id: Number(id) }, select: { teamId: true } })).teamId;

  beforeAll(async () => {
    db = database.prisma;
    session.prisma = db;
    token = (await prepareScimOrganisation(db)).tokens.scim.token;
  });

  it("replays Okta's group push: create with members, remove one by members[value eq], add, rename", async () => {
    const [ada, ben] = [await userId("ada.push@example.org"), await userId("ben.push@example.org")];
    const created = await scim("POST", "/Groups", {
      schemas: [GROUP_SCHEMA],
      displayName: "Growth Marketing",
      members: [
        { value: ada, display: "ada" },
        { value: ben, display: "ben" },
      ],
    });
    expect(created).toMatchObject({
      status: 201,
      body: { displayName: "Growth Marketing", [TANDEM_GROUP]: { function: "other" } },
    });
    const id: string = created.body.id;
    expect(created.body.members.map((member: { value: string }) => member.value).sort()).toEqual(
      [ada, ben].sort(),
    );
    expect([await teamOf(ada), await teamOf(ben)]).toEqual([Number(id), Number(id)]);

    await scim("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "remove", path: `members[value eq "${ada}"]` }],
    });
    expect(await teamOf(ada)).toBeNull();
    await scim("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "add", path: "members", value: [{ value: ada }] }],
    });
    expect(await teamOf(ada)).toBe(Number(id));
    const renamed = await scim("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", value: { id, displayName: "Growth" } }],
    });
    expect(renamed).toMatchObject({ status: 200, body: { displayName: "Growth" } });
    expect(
      await db.auditEvent.count({ where: { action: "person.updated", entityId: "ada.push@example.org" } }),
    ).toBe(3);

    const replaced = await scim("PUT", `/Groups/${id}`, {
      schemas: [GROUP_SCHEMA],
      displayName: "Growth",
      members: [{ value: ben }],
      [TANDEM_GROUP]: { function: "marketing" },
    });
    expect(replaced.body).toMatchObject({
      members: [{ value: ben }],
      [TANDEM_GROUP]: { function: "marketing" },
    });
    expect(await teamOf(ada)).toBeNull();
  });

  it("replays Entra ID: look up by displayName without members, create, Add and Remove members by value lists", async () => {
    const lookup = await scim(
      "GET",
      `/Groups?${filterQuery('displayName eq "Field Sales"')}&excludedAttributes=members`,
    );
    expect(lookup).toMatchObject({ status: 200, body: { totalResults: 0, Resources: [] } });
    const created = await scim("POST", "/Groups", {
      schemas: [GROUP_SCHEMA],
      externalId: "aad-group-1",
      displayName: "Field Sales",
      members: [],
    });
    const id: string = created.body.id;
    const cleo = await userId("cleo.entra@example.org");

    await scim("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Add", path: "members", value: [{ value: cleo }] }],
    });
    const found = await scim(
      "GET",
      `/Groups?${filterQuery('displayName eq "field sales"')}&excludedAttributes=members`,
    );
    expect(found.body).toMatchObject({
      totalResults: 1,
      Resources: [{ id, externalId: "aad-group-1", displayName: "Field Sales" }],
    });
    expect(found.body.Resources[0].members).toBeUndefined();
    expect((await scim("GET", `/Groups/${id}`)).body.members).toEqual([
      expect.objectContaining({ value: cleo }),
    ]);

    await scim("PATCH", `/Groups/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Remove", path: "members", value: [{ value: cleo }] }],
    });
    expect(await teamOf(cleo)).toBeNull();
    expect((await scim("GET", `/Users/${cleo}`)).body.groups).toEqual([]);
  });

  it("refuses a taken name, an unknown member, and removing a team's manager, writing nothing", async () => {
    const team = await db.team.findFirstOrThrow({
      where: { members: { some: { role: "manager" } } },
      include: { members: true },
    });
    const manager = team.members.find((member) => member.role === "manager")!;
    const events = await db.auditEvent.count();
    const error = (status: number, scimType: string) => ({
      status,
      body: { schemas: [ERROR_SCHEMA], status: String(status), scimType },
    });
    expect(await scim("POST", "/Groups", { displayName: team.name.toUpperCase() })).toMatchObject(
      error(409, "uniqueness"),
    );
    expect(
      await scim("PATCH", `/Groups/${team.id}`, {
        Operations: [{ op: "add", path: "members", value: [{ value: "999999" }] }],
      }),
    ).toMatchObject(error(400, "invalidValue"));
    expect(
      await scim("PATCH", `/Groups/${team.id}`, {
        Operations: [{ op: "remove", path: `members[value eq "${manager.id}"]` }],
      }),
    ).toMatchObject(error(400, "mutability"));
    expect(await db.auditEvent.count()).toBe(events);
  });
});
