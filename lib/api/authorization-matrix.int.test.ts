import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { invitePeople } from "@/lib/accounts/invitations";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password-policy";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { CONFIGURABLE_KINDS, KINDS } from "@/lib/notifications/kinds";
import { setChatWebhook } from "@/lib/notifications/webhooks";
import { loadCellState } from "@/lib/ownership/cell-state";
import { reviewOfOwnTeam } from "@/lib/review/access";
import { openReview } from "@/lib/review/cycles";
import { isoWeekOf } from "@/lib/review/iso-week";
import { clearItem, confirmAllUnchanged, decideItem } from "@/lib/review/item-actions";
import { loadReviewCells } from "@/lib/review/scope";
import { reopenReview } from "@/lib/review/submit";
import { readTimeZone } from "@/lib/settings/queries";
import { createPersonalToken, createServiceToken } from "@/lib/tokens/tokens";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { authorizeAs } from "@/tools/testing/authorize";
import { checkSource, listRequestSources } from "@/tools/testing/authorization-paths";
import { fingerprintThrough } from "@/tools/testing/fingerprint";
import { SCIM_READS, SCIM_WRITES } from "@/tools/testing/scim-matrix";
import { useTestDatabase } from "@/tools/testing/test-database";

/**
 * Issue 6, item 1: every write route of the app, tried as an admin, the manager of the team that owns what
 * it writes, the manager of another team, a viewer and an anonymous visitor, through the route handler as
 * Next.js runs it. Each case is generated from the table below. A refused write must answer its exact status
 * and leave every table of the database as it was; an accepted one must have written, with an audit event by
 * its author. The cases share one database: accepted writes work on entities made for them, or on data that
 * stays valid for the next case, so no case depends on another. Every read route is tried by the same
 * people: all signed-in ones read, an anonymous visitor gets 401, and nobody's read writes anything.
 */

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, prisma: null as Db | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
// Route handlers run here outside a request: there is no browser cookie to set or clear after a write.
vi.mock("@/lib/auth/session-cookie", () => ({ signInAgain: async () => true, clearSessionCookie: async () => undefined }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getPrisma: () => session.prisma,
}));

const ROOT = path.resolve(import.meta.dirname, "../..");

type Actor = "admin" | "manager of the owning team" | "manager of another team" | "viewer" | "anonymous";
const ACTORS: readonly Actor[] = ["admin", "manager of the owning team", "manager of another team", "viewer", "anonymous"];

const TEAM_MANAGERS = {
  "Web Platform": "it.manager@example.org",
  "Brand & Content": "marketing.manager@example.org",
  "Security & Infrastructure": "sarah.oconnell@example.org",
} as const;
type TeamName = keyof typeof TEAM_MANAGERS;

/** Who may make the write: DESIGN.md section 5. */
type MayWrite = "admins" | "admins and the owning team's manager" | "everyone signed in";

interface WriteRequest {
  params?: Record<string, string>;
  /** A JSON body, or the multipart form of an upload. */
  body: unknown;
}

interface WriteRow {
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route's path as its folder names it. */
  route: string;
  /** The team whose data it writes; null for what belongs to the whole organisation (any manager stands in). */
  owner: TeamName | null;
  mayWrite: MayWrite;
  /**
   * A valid request, built on the database as it is when the case runs (with any set-up the write needs), for
   * the person who makes it (null: an anonymous visitor); writes to one's own things need to know whose.
   */
  request: (kit: Kit, actor: CurrentUser | null) => Promise<WriteRequest>;
}

interface Kit {
  db: Db;
  /** A name no earlier case used, for entities a case creates. */
  unique: (prefix: string) => string;
  teamId: (team: TeamName) => number;
  /** A person made for this case, so that writing to them changes nothing another case relies on. */
  freshPerson: (team: TeamName, deactivated?: boolean) => Promise<{ id: number; updatedAt: Date }>;
  /** The owning team's review of this week, as a draft (reopened when an earlier case submitted it). */
  currentDraft: (team: TeamName) => Promise<{ id: number; cells: { assetKey: string; concernKey: string }[] }>;
  asAdmin: <T>(write: (tx: Prisma.TransactionClient, audit: (entry: Omit<AuditEntry, "actorId">) => Promise<void>) => Promise<T>) => Promise<T>;
  admin: CurrentUser;
}

/** A cell edit that adds an informed holder (coverage stays as it was, so the cell keeps its owners). */
const informSomeoneOf = (assetKey: string, concernKey: string) => async ({ db }: Kit): Promise<WriteRequest> => {
  const state = await loadCellState(db, assetKey, concernKey, new Date());
  const informed = new Set(state.holders.filter((holder) => holder.role === "I").map((holder) => holder.personId));
  const person = await db.person.findFirstOrThrow({ where: { deactivatedAt: null, id: { notIn: [...informed] } }, orderBy: { id: "asc" } });
  return { params: { assetKey, concernKey }, body: { expectedVersion: state.version, add: [{ personId: person.id, role: "I" }], end: [] } };
};

/** A public address written as such: registering it needs no DNS. */
const PUBLIC_ADDRESS = "93.184.215.14";

/** A webhook endpoint made for one case. */
const webhookEndpointFor = async ({ asAdmin, unique }: Kit) =>
  (await asAdmin((tx, audit) => createWebhookEndpoint(tx, { url: `https://${PUBLIC_ADDRESS}/${unique("hook")}`, description: "", events: ["gap.closed"] }, audit))).id;

/** The password everyone who changes their own knows as their current one. */
const OWN_PASSWORD = "violet kettle ferry 42";

const reviewParams = (id: number) => ({ id: String(id) });

const WRITES: readonly WriteRow[] = [
  {
    method: "POST",
    route: "/api/asset-kinds",
    owner: null,
    mayWrite: "admins",
    request: async ({ unique }) => ({ body: { key: unique("kind"), label: "Smart speaker" } }),
  },
  {
    method: "POST",
    route: "/api/assets",
    owner: null,
    mayWrite: "admins",
    request: async ({ unique }) => ({ body: { key: unique("asset"), name: "Pop-up store site", kindKey: "website", criticality: "low", lifecycle: "planned" } }),
  },
  {
    method: "PATCH",
    route: "/api/assets/[key]",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ db, unique }) => {
      const asset = await db.asset.findUniqueOrThrow({ where: { key: "online-store" }, include: { kind: true } });
      return {
        params: { key: asset.key },
        body: { name: unique("Online store"), kindKey: asset.kind.key, criticality: asset.criticality, lifecycle: "active", updatedAt: asset.updatedAt.toISOString() },
      };
    },
  },
  {
    method: "POST",
    route: "/api/assets/[key]/retire",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ db, unique }) => {
      const kind = await db.assetKind.findUniqueOrThrow({ where: { key: "website" } });
      const asset = await db.asset.create({ data: { key: unique("retire-me"), name: "Old microsite", kindId: kind.id, criticality: "low" } });
      return { params: { key: asset.key }, body: {} };
    },
  },
  {
    method: "POST",
    route: "/api/cells/[assetKey]/[concernKey]",
    // Covered, and Web Platform holds its A and R.
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: informSomeoneOf("online-store", "hosting-uptime"),
  },
  {
    method: "POST",
    route: "/api/cells/[assetKey]/[concernKey]",
    // Uncovered (no A) and of an IT concern: in the review scope of every IT team, Web Platform included,
    // though nobody of Web Platform holds it.
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: informSomeoneOf("youtube-channel", "security-access"),
  },
  {
    method: "POST",
    route: "/api/concerns",
    owner: null,
    mayWrite: "admins",
    request: async ({ unique }) => ({ body: { key: unique("concern"), name: "Accessibility", home: "shared", kindKeys: ["website"] } }),
  },
  {
    method: "PATCH",
    route: "/api/concerns/[key]",
    owner: null,
    mayWrite: "admins",
    request: async ({ db, unique }) => {
      const concern = await db.concern.findUniqueOrThrow({ where: { key: "hosting-uptime" } });
      return { params: { key: concern.key }, body: { description: unique("Uptime, capacity and response times"), updatedAt: concern.updatedAt.toISOString() } };
    },
  },
  {
    method: "POST",
    route: "/api/import",
    owner: null,
    mayWrite: "admins",
    request: async ({ unique }) => {
      const form = new FormData();
      form.set("mode", "apply");
      form.set("people", ["email,name,team,function,role,active", `${unique("imported")}@example.org,Imported Person,Web Platform,it,none,true`].join("\n"));
      return { body: form };
    },
  },
  {
    method: "POST",
    route: "/api/people",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ unique, teamId }) => ({ body: { email: `${unique("new")}@example.org`, name: "New Engineer", teamId: teamId("Web Platform"), role: "none" } }),
  },
  {
    method: "PATCH",
    route: "/api/people/[id]",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ freshPerson, teamId }) => {
      const person = await freshPerson("Web Platform");
      return { params: { id: String(person.id) }, body: { name: "Renamed Engineer", teamId: teamId("Web Platform"), role: "viewer", updatedAt: person.updatedAt.toISOString() } };
    },
  },
  {
    method: "POST",
    route: "/api/people/[id]/deactivate",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ freshPerson }) => ({ params: { id: String((await freshPerson("Web Platform")).id) }, body: {} }),
  },
  {
    method: "POST",
    route: "/api/people/[id]/reactivate",
    owner: "Security & Infrastructure",
    mayWrite: "admins",
    request: async ({ freshPerson }) => ({ params: { id: String((await freshPerson("Security & Infrastructure", true)).id) }, body: {} }),
  },
  {
    method: "POST",
    route: "/api/people/[id]/succession",
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: async ({ db, freshPerson }) => {
      const [leaver, successor] = [await freshPerson("Web Platform", true), await freshPerson("Web Platform")];
      const [asset, concern] = [await db.asset.findUniqueOrThrow({ where: { key: "online-store" } }), await db.concern.findUniqueOrThrow({ where: { key: "hosting-uptime" } })];
      await db.assignment.create({ data: { assetId: asset.id, concernId: concern.id, personId: leaver.id, role: "R", source: "app" } });
      return { params: { id: String(leaver.id) }, body: { cells: [{ assetKey: asset.key, concernKey: concern.key, role: "R", successorId: successor.id }] } };
    },
  },
  {
    method: "POST",
    route: "/api/people/[id]/password",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ db }) => {
      const manager = await db.person.findUniqueOrThrow({ where: { email: TEAM_MANAGERS["Web Platform"] } });
      return { params: { id: String(manager.id) }, body: { password: "violet kettle ferry 42" } };
    },
  },
  {
    method: "POST",
    route: "/api/reviews",
    owner: "Security & Infrastructure",
    mayWrite: "admins and the owning team's manager",
    request: async ({ db, teamId }) => {
      const team = teamId("Security & Infrastructure");
      const isoWeek = isoWeekOf(new Date(), await readTimeZone(db));
      // Each case opens the review afresh: it must not exist yet.
      await db.review.deleteMany({ where: { teamId: team, cycle: { isoWeek } } });
      return { body: { teamId: team, isoWeek } };
    },
  },
  {
    method: "PUT",
    route: "/api/reviews/[id]/items",
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: async ({ currentDraft }) => {
      const review = await currentDraft("Web Platform");
      return { params: reviewParams(review.id), body: { ...review.cells[0]!, decision: "flag", flagReason: "owner-unclear" } };
    },
  },
  {
    method: "DELETE",
    route: "/api/reviews/[id]/items",
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: async ({ currentDraft, asAdmin, admin }) => {
      const review = await currentDraft("Web Platform");
      const cell = review.cells[0]!;
      await asAdmin(async (tx, audit) => {
        const locked = await authorizeAs(reviewOfOwnTeam, { user: admin, tx, input: undefined, params: reviewParams(review.id) });
        return decideItem(tx, admin, locked, { ...cell, decision: "confirm", note: null }, audit);
      });
      return { params: reviewParams(review.id), body: cell };
    },
  },
  {
    method: "POST",
    route: "/api/reviews/[id]/confirm-all",
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: async ({ currentDraft, asAdmin, admin }) => {
      const review = await currentDraft("Web Platform");
      // At least one cell left undecided, for "confirm all" to confirm.
      await asAdmin(async (tx, audit) => {
        const locked = await authorizeAs(reviewOfOwnTeam, { user: admin, tx, input: undefined, params: reviewParams(review.id) });
        return clearItem(tx, locked, review.cells[0]!, audit);
      });
      return { params: reviewParams(review.id), body: {} };
    },
  },
  {
    method: "POST",
    route: "/api/reviews/[id]/submit",
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: async ({ currentDraft, asAdmin, admin }) => {
      const review = await currentDraft("Web Platform");
      await asAdmin(async (tx, audit) => {
        const locked = await authorizeAs(reviewOfOwnTeam, { user: admin, tx, input: undefined, params: reviewParams(review.id) });
        return confirmAllUnchanged(tx, admin, locked, audit);
      });
      return { params: reviewParams(review.id), body: {} };
    },
  },
  {
    method: "POST",
    route: "/api/reviews/[id]/reopen",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ db, teamId }) => {
      const submitted = await db.review.findFirstOrThrow({ where: { teamId: teamId("Web Platform"), status: "submitted" }, orderBy: { submittedAt: "desc" } });
      return { params: reviewParams(submitted.id), body: {} };
    },
  },
  {
    method: "PATCH",
    route: "/api/settings",
    owner: null,
    mayWrite: "admins",
    request: async ({ db }) => {
      const { name, timeZone, staleAfterDays, overloadHighCriticalCells, overloadConcernSharePct, overloadConcernMinCells } =
        await db.organisationSettings.findUniqueOrThrow({ where: { id: 1 } });
      return { body: { name, timeZone, staleAfterDays: staleAfterDays + 1, overloadHighCriticalCells, overloadConcernSharePct, overloadConcernMinCells } };
    },
  },
  {
    method: "PUT",
    route: "/api/settings/notifications/webhooks",
    owner: null,
    mayWrite: "admins",
    request: async ({ unique }) => ({ body: { teamId: null, format: "slack", url: `https://hooks.slack.com/services/${unique("matrix")}` } }),
  },
  {
    method: "DELETE",
    route: "/api/settings/notifications/webhooks",
    owner: "Brand & Content",
    mayWrite: "admins",
    request: async ({ asAdmin, teamId }) => {
      const team = teamId("Brand & Content");
      await asAdmin((tx, audit) => setChatWebhook(tx, { teamId: team, format: "teams", url: "https://example.org/workflows/matrix" }, audit));
      return { body: { teamId: team } };
    },
  },
  {
    method: "PUT",
    route: "/api/settings/notifications/defaults",
    owner: null,
    mayWrite: "admins",
    request: async ({ db }) => {
      const { reminderHoursBefore } = await db.organisationSettings.findUniqueOrThrow({ where: { id: 1 } });
      return { body: { defaults: Object.fromEntries(CONFIGURABLE_KINDS.map((kind) => [kind, KINDS[kind].defaults])), reminderHoursBefore: (reminderHoursBefore % 168) + 1 } };
    },
  },
  { method: "POST", route: "/api/settings/notifications/test", owner: null, mayWrite: "admins", request: async () => ({ body: { to: "me" } }) },
  {
    method: "POST",
    route: "/api/settings/webhooks",
    owner: null,
    mayWrite: "admins",
    request: async ({ unique }) => ({ body: { url: `https://${PUBLIC_ADDRESS}/${unique("hook")}`, description: "Matrix", events: ["cell.changed"] } }),
  },
  {
    method: "PATCH",
    route: "/api/settings/webhooks/[id]",
    owner: null,
    mayWrite: "admins",
    request: async (kit) => ({ params: { id: String(await webhookEndpointFor(kit)) }, body: { url: `https://${PUBLIC_ADDRESS}/edited`, description: "", events: ["gap.opened"], enabled: false } }),
  },
  { method: "DELETE", route: "/api/settings/webhooks/[id]", owner: null, mayWrite: "admins", request: async (kit) => ({ params: { id: String(await webhookEndpointFor(kit)) }, body: {} }) },
  { method: "POST", route: "/api/settings/webhooks/[id]/secret", owner: null, mayWrite: "admins", request: async (kit) => ({ params: { id: String(await webhookEndpointFor(kit)) }, body: {} }) },
  {
    method: "POST",
    route: "/api/settings/webhooks/[id]/test",
    owner: null,
    mayWrite: "admins",
    // A loopback address, written as an older version might have: the delivery is refused at once, with no network.
    request: async ({ db }) => {
      const endpoint = await db.webhookEndpoint.create({ data: { url: "http://127.0.0.1:9/hook", events: ["cell.changed"], secretCiphertext: "v1.x.y.z", secretHint: "whsec_…test" } });
      return { params: { id: String(endpoint.id) }, body: {} };
    },
  },
  {
    method: "POST",
    route: "/api/teams",
    owner: null,
    mayWrite: "admins",
    request: async ({ unique }) => ({ body: { name: unique("Growth Lab"), function: "marketing" } }),
  },
  {
    method: "PATCH",
    route: "/api/teams/[id]",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ db, unique, teamId }) => {
      const team = await db.team.findUniqueOrThrow({ where: { id: teamId("Web Platform") } });
      return { params: { id: String(team.id) }, body: { name: unique("Web Platform"), function: team.function, updatedAt: team.updatedAt.toISOString() } };
    },
  },
  {
    method: "POST",
    route: "/api/me/password",
    owner: null,
    mayWrite: "everyone signed in",
    request: async ({ db }) => {
      // Whoever makes it knows their current password: earlier cases may have set some of them.
      await db.person.updateMany({ where: { passwordHash: { not: null } }, data: { passwordHash: await hashPassword(OWN_PASSWORD) } });
      return { body: { currentPassword: OWN_PASSWORD, password: "amber lantern harbour 7" } };
    },
  },
  { method: "POST", route: "/api/me/sign-out-everywhere", owner: null, mayWrite: "everyone signed in", request: async () => ({ body: {} }) },
  {
    method: "PUT",
    route: "/api/me/notification-preferences",
    owner: null,
    mayWrite: "everyone signed in",
    request: async ({ db }, actor) => {
      // What the actor chose before is forgotten, so that the choice below is stored anew.
      if (actor) await db.notificationPreference.deleteMany({ where: { personId: actor.id } });
      return { body: [{ kind: "weekly_digest", channel: "mail", enabled: true }] };
    },
  },
  { method: "POST", route: "/api/me/tokens", owner: null, mayWrite: "everyone signed in", request: async () => ({ body: { name: "Matrix script", expiresInDays: 30 } }) },
  {
    method: "POST",
    route: "/api/me/tokens/[id]/revoke",
    owner: null,
    mayWrite: "everyone signed in",
    request: async (kit, actor) => ({ params: { id: String(await personalTokenOf(kit, actor)) }, body: {} }),
  },
  {
    method: "POST",
    route: "/api/settings/service-tokens",
    owner: null,
    mayWrite: "admins",
    request: async ({ teamId }) => ({ body: { name: "Matrix CMDB", role: "manager", teamId: teamId("Web Platform"), expiresInDays: null } }),
  },
  {
    method: "POST",
    route: "/api/settings/service-tokens/[id]/revoke",
    owner: null,
    mayWrite: "admins",
    request: async ({ asAdmin, admin }) => {
      const token = await asAdmin((tx, audit) => createServiceToken(tx, admin.id, { name: "Matrix BI", role: "viewer", teamId: null, expiresInDays: null }, audit));
      return { params: { id: String(token.id) }, body: {} };
    },
  },
  {
    method: "POST",
    route: "/api/notifications/[id]/read",
    owner: null,
    mayWrite: "everyone signed in",
    request: async (kit, actor) => ({ params: { id: String(await unreadMessageFor(kit, actor)) }, body: {} }),
  },
  {
    method: "POST",
    route: "/api/notifications/read-all",
    owner: null,
    mayWrite: "everyone signed in",
    request: async (kit, actor) => {
      await unreadMessageFor(kit, actor);
      return { body: {} };
    },
  },
  {
    method: "POST",
    route: "/api/invitations",
    owner: null,
    mayWrite: "admins",
    request: async ({ db }) => ({ body: { personIds: [(await invitablePerson(db)).id] } }),
  },
  {
    method: "POST",
    route: "/api/invitations/[id]/resend",
    owner: null,
    mayWrite: "admins",
    request: async (kit) => ({ params: { id: String(await pendingInvitation(kit)) }, body: {} }),
  },
  {
    method: "POST",
    route: "/api/invitations/[id]/revoke",
    owner: null,
    mayWrite: "admins",
    request: async (kit) => ({ params: { id: String(await pendingInvitation(kit)) }, body: {} }),
  },
];

/**
 * The API's writes (/api/v1, issue 17), each tried with a personal token of every actor above and a service token
 * made with that actor's role (and team), plus no token at all: a token acts with exactly the rights of its role.
 */
const V1_WRITES: readonly WriteRow[] = [
  {
    method: "POST",
    route: "/api/v1/assets",
    owner: null,
    mayWrite: "admins",
    request: async ({ unique }) => ({ body: { key: unique("api-asset"), name: "Pop-up store site", kind: "website", criticality: "low" } }),
  },
  {
    method: "PATCH",
    route: "/api/v1/assets/[key]",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ unique }) => ({ params: { key: "online-store" }, body: { name: unique("Online store") } }),
  },
  {
    method: "DELETE",
    route: "/api/v1/assets/[key]",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ db, unique }) => {
      const kind = await db.assetKind.findUniqueOrThrow({ where: { key: "website" } });
      const asset = await db.asset.create({ data: { key: unique("api-retire-me"), name: "Old microsite", kindId: kind.id, criticality: "low" } });
      return { params: { key: asset.key }, body: {} };
    },
  },
  {
    method: "POST",
    route: "/api/v1/people",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ db, unique, teamId }) => {
      // By its name of the moment: an earlier case renames the team.
      const team = await db.team.findUniqueOrThrow({ where: { id: teamId("Web Platform") } });
      return { body: { email: `${unique("api-new")}@example.org`, name: "New Engineer", team: team.name, role: "none" } };
    },
  },
  {
    method: "PATCH",
    route: "/api/v1/people/[email]",
    owner: "Web Platform",
    mayWrite: "admins",
    request: async ({ db, freshPerson, unique }) => {
      const { email } = await db.person.findUniqueOrThrow({ where: { id: (await freshPerson("Web Platform")).id } });
      return { params: { email }, body: { name: unique("Renamed Engineer") } };
    },
  },
  { method: "POST", route: "/api/v1/teams", owner: null, mayWrite: "admins", request: async ({ unique }) => ({ body: { name: unique("API Lab"), function: "it" } }) },
  {
    method: "PATCH",
    route: "/api/v1/teams/[name]",
    owner: null,
    mayWrite: "admins",
    request: async ({ db, unique }) => {
      const team = await db.team.create({ data: { name: unique("API Team"), function: "other" } });
      return { params: { name: team.name }, body: { function: "marketing" } };
    },
  },
  {
    method: "PUT",
    route: "/api/v1/cells/[assetKey]/[concernKey]",
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: async (kit) => {
      const { params, body } = await informSomeoneOf("online-store", "hosting-uptime")(kit);
      const state = await loadCellState(kit.db, "online-store", "hosting-uptime", new Date());
      const informed = await kit.db.person.findUniqueOrThrow({ where: { id: (body as { add: { personId: number }[] }).add[0]!.personId } });
      const holders = [...state.holders.map((holder) => ({ person_email: holder.personEmail, role: holder.role })), { person_email: informed.email, role: "I" }];
      return { params, body: { holders } };
    },
  },
  {
    method: "POST",
    route: "/api/v1/reviews",
    owner: "Security & Infrastructure",
    mayWrite: "admins and the owning team's manager",
    request: async ({ db, teamId }) => {
      const team = teamId("Security & Infrastructure");
      const isoWeek = isoWeekOf(new Date(), await readTimeZone(db));
      await db.review.deleteMany({ where: { teamId: team, cycle: { isoWeek } } });
      const { name } = await db.team.findUniqueOrThrow({ where: { id: team } });
      return { body: { team: name, iso_week: isoWeek } };
    },
  },
  {
    method: "PUT",
    route: "/api/v1/reviews/[id]/decisions",
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: async ({ currentDraft }) => {
      const review = await currentDraft("Web Platform");
      const cell = review.cells[0]!;
      return { params: reviewParams(review.id), body: { asset_key: cell.assetKey, concern_key: cell.concernKey, decision: "flag", flag_reason: "owner-unclear" } };
    },
  },
  {
    method: "POST",
    route: "/api/v1/reviews/[id]/submit",
    owner: "Web Platform",
    mayWrite: "admins and the owning team's manager",
    request: async ({ currentDraft, asAdmin, admin }) => {
      const review = await currentDraft("Web Platform");
      await asAdmin(async (tx, audit) => {
        const locked = await authorizeAs(reviewOfOwnTeam, { user: admin, tx, input: undefined, params: reviewParams(review.id) });
        return confirmAllUnchanged(tx, admin, locked, audit);
      });
      return { params: reviewParams(review.id), body: {} };
    },
  },
];

let messages = 0;
/** The id of a new unread message of the actor's (the admin's for an anonymous visitor, who is refused anyway). */
async function unreadMessageFor({ db, admin }: Kit, actor: CurrentUser | null): Promise<number> {
  const n = ++messages;
  const message = await db.notification.create({
    data: { kind: "test", personId: (actor ?? admin).id, dedupeKey: `matrix-message-${n}`, title: `Message ${n}`, body: "Hello.", link: "/" },
  });
  return message.id;
}

/** The id of a new personal token of the actor's (the admin's for an anonymous visitor, who is refused anyway). */
async function personalTokenOf({ db, admin }: Kit, actor: CurrentUser | null): Promise<number> {
  const ownerId = (actor ?? admin).id;
  const token = await db.$transaction((tx) =>
    createPersonalToken(tx, ownerId, { name: "Matrix script", expiresInDays: null }, (entry) => recordAudit(tx, { ...entry, actorId: ownerId })),
  );
  return token.id;
}

let invitees = 0;
/** A viewer with no password yet: someone an admin may invite. */
const invitablePerson = (db: Db) => db.person.create({ data: { email: `invitee-${++invitees}@example.org`, name: `Invitee ${invitees}`, role: "viewer" } });

/** The id of a pending invitation of a person made for the case. */
async function pendingInvitation({ db, asAdmin, admin }: Kit): Promise<number> {
  const person = await invitablePerson(db);
  const [invitation] = await asAdmin((tx, audit) => invitePeople(tx, admin.id, { personIds: [person.id] }, audit));
  return invitation!.link.id;
}

/** Everyone signed in reads everything (DESIGN.md section 5); reading never writes. */
const READS: readonly { route: string; params?: (kit: Kit) => Promise<Record<string, string>> }[] = [
  { route: "/api/me" },
  { route: "/api/export/[file]", params: async () => ({ file: "people.csv" }) },
  { route: "/api/report/export" },
  { route: "/api/v1/assets" },
  { route: "/api/v1/assets/[key]", params: async () => ({ key: "online-store" }) },
  { route: "/api/v1/people" },
  { route: "/api/v1/people/[email]", params: async () => ({ email: "viewer@example.org" }) },
  { route: "/api/v1/teams" },
  { route: "/api/v1/teams/[name]", params: async ({ db, teamId }) => ({ name: (await db.team.findUniqueOrThrow({ where: { id: teamId("Brand & Content") } })).name }) },
  { route: "/api/v1/concerns" },
  { route: "/api/v1/concerns/[key]", params: async () => ({ key: "content" }) },
  { route: "/api/v1/kinds" },
  { route: "/api/v1/kinds/[key]", params: async () => ({ key: "website" }) },
  { route: "/api/v1/cells/[assetKey]/[concernKey]", params: async () => ({ assetKey: "online-store", concernKey: "content" }) },
  { route: "/api/v1/reviews" },
  { route: "/api/v1/reviews/[id]", params: async ({ currentDraft }) => reviewParams((await currentDraft("Brand & Content")).id) },
  { route: "/api/v1/report" },
  { route: "/api/v1/report.csv" },
];

function expectedStatus(row: WriteRow, actor: Actor): 200 | 401 | 403 {
  if (actor === "anonymous") return 401;
  if (actor === "admin" || row.mayWrite === "everyone signed in") return 200;
  return actor === "manager of the owning team" && row.mayWrite === "admins and the owning team's manager" ? 200 : 403;
}

/** The actor's email: the other team is Brand & Content, or Web Platform when Brand & Content owns the write. */
function emailOf(actor: Exclude<Actor, "anonymous">, row: Pick<WriteRow, "owner">): string {
  const owner = row.owner ?? "Web Platform";
  if (actor === "admin") return "admin@example.org";
  if (actor === "viewer") return "viewer@example.org";
  if (actor === "manager of the owning team") return TEAM_MANAGERS[owner];
  return TEAM_MANAGERS[owner === "Brand & Content" ? "Web Platform" : "Brand & Content"];
}

const urlOf = (route: string, params: Record<string, string> = {}) =>
  `http://localhost${route.replace(/\[(\w+)\]/g, (_match, name: string) => encodeURIComponent(params[name] ?? ""))}`;

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("the authorization matrix of every route", () => {
  const database = useTestDatabase();
  let kit: Kit;
  const teamIds = new Map<TeamName, number>();
  let fingerprintClient: pg.Client;
  const fingerprint = () => fingerprintThrough(fingerprintClient);

  beforeAll(async () => {
    const db = database.prisma;
    fingerprintClient = new pg.Client({ connectionString: database.url });
    await fingerprintClient.connect();
    await seedDemoOrganisation(db);
    // Chat webhook URLs are encrypted with a key derived from it.
    vi.stubEnv("AUTH_SECRET", "matrix-secret-of-at-least-32-bytes-long");
    session.prisma = db;
    for (const team of await db.team.findMany()) if (team.name in TEAM_MANAGERS) teamIds.set(team.name as TeamName, team.id);
    const admin = await currentUserOf(db, "admin@example.org");
    let counter = 0;
    const scopes: Partial<Record<TeamName, { assetKey: string; concernKey: string }[]>> = {};
    const asAdmin: Kit["asAdmin"] = (write) =>
      db.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId: admin.id })), { timeout: 30_000 });
    kit = {
      db,
      admin,
      asAdmin,
      unique: (prefix) => `${prefix.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${++counter}`,
      teamId: (team) => teamIds.get(team)!,
      freshPerson: (team, deactivated = false) =>
        db.person.create({
          data: { email: `matrix-${++counter}@example.org`, name: `Matrix Person ${counter}`, teamId: teamIds.get(team)!, role: "none", deactivatedAt: deactivated ? new Date() : null },
        }),
      currentDraft: async (team) => {
        const now = new Date();
        const timeZone = await readTimeZone(db);
        const isoWeek = isoWeekOf(now, timeZone);
        const id = await asAdmin((tx, audit) => openReview(tx, admin, teamIds.get(team)!, isoWeek, timeZone, audit));
        if ((await db.review.findUniqueOrThrow({ where: { id } })).status === "submitted") await asAdmin((tx, audit) => reopenReview(tx, id, audit));
        // The cases change no A or R holder of the team, so its scope stays what it was at the first case.
        const cells = (scopes[team] ??= (await loadReviewCells(db, { id: teamIds.get(team)!, function: "it" }, { isoWeek, timeZone }, [], now)).cells.map(
          ({ assetKey, concernKey }) => ({ assetKey, concernKey }),
        ));
        return { id, cells };
      },
    };
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await fingerprintClient?.end();
  });

  it("has a row for every route of the app", () => {
    const routes = listRequestSources(ROOT).flatMap(({ file, text }) => checkSource(file, text));
    const routesBuiltWith = (wrapper: string) => routes.filter((entry) => entry.wrapper === wrapper).map((entry) => `${entry.name} ${entry.file}`);
    expect([...new Set([...WRITES, ...V1_WRITES, ...SCIM_WRITES].map((row) => `${row.method} app${row.route}/route.ts`))].sort()).toEqual(routesBuiltWith("writeRoute").sort());
    expect([...READS, ...SCIM_READS].map((row) => `GET app${row.route}/route.ts`).sort()).toEqual(routesBuiltWith("readRoute").sort());
  });

  for (const read of READS) {
    it.each(ACTORS)(`GET ${read.route} as %s: 200, or 401 anonymously, writing nothing`, async (actor) => {
      const handler = (await import(/* @vite-ignore */ path.join(ROOT, "app", read.route, "route.ts"))).GET as RouteHandler;
      const params = (await read.params?.(kit)) ?? {};
      const before = await fingerprint();
      session.user = actor === "anonymous" ? null : await currentUserOf(kit.db, emailOf(actor, { owner: null }));
      const response = await handler(new Request(urlOf(read.route, params)), { params: Promise.resolve(params) });
      session.user = null;
      if (actor === "anonymous") {
        expect(response.status).toBe(401);
        // The screens' routes ask to sign in; the API, for a token.
        expect(await response.json()).toMatchObject({ ok: false, code: "unauthenticated", error: read.route.startsWith("/api/v1/") ? expect.stringContaining("Bearer") : "Sign in first." });
      } else {
        expect(response.status, await response.clone().text()).toBe(200);
      }
      expect(await fingerprint()).toEqual(before);
    });
  }

  for (const row of WRITES) {
    describe(`${row.method} ${row.route}${row.owner ? ` (owned by ${row.owner})` : ""}`, () => {
      for (const actor of ACTORS) {
        const status = expectedStatus(row, actor);
        it(`as ${actor === "manager of the owning team" && row.owner === null ? "a manager" : actor}: ${status}`, async () => {
          const handler = (await import(/* @vite-ignore */ path.join(ROOT, "app", row.route, "route.ts")))[row.method] as RouteHandler;
          session.user = null;
          const user = actor === "anonymous" ? null : await currentUserOf(kit.db, emailOf(actor, row));
          const { params = {}, body } = await row.request(kit, user);
          const before = await fingerprint();
          const lastAuditEvent = (await kit.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;

          session.user = user;
          const response = await handler(requestOf(row, params, body), { params: Promise.resolve(params) });
          session.user = null;

          const answer = await response.json();
          expect({ status: response.status, answer }).toMatchObject({ status, answer: { ok: status === 200 } });
          if (status === 200) {
            expect(await fingerprint()).not.toEqual(before);
            expect(await kit.db.auditEvent.count({ where: { id: { gt: lastAuditEvent }, actorId: user!.id } })).toBeGreaterThan(0);
          } else {
            expect(answer.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
            expect(await fingerprint()).toEqual(before);
          }
        });
      }
    });
  }

  for (const row of V1_WRITES) {
    describe(`${row.method} ${row.route}${row.owner ? ` (owned by ${row.owner})` : ""}`, () => {
      for (const actor of ACTORS) {
        for (const kind of actor === "anonymous" ? (["no"] as const) : (["personal", "service"] as const)) {
          const status = expectedStatus(row, actor);
          it(`with ${kind} token${actor === "anonymous" ? "" : ` of ${actor === "manager of the owning team" && row.owner === null ? "a manager" : actor}`}: ${status}`, async () => {
            const handler = (await import(/* @vite-ignore */ path.join(ROOT, "app", row.route, "route.ts")))[row.method] as RouteHandler;
            session.user = null;
            const token = kind === "no" ? null : await tokenOf(kind, actor as Exclude<Actor, "anonymous">, row);
            const { params = {}, body } = await row.request(kit, token?.user ?? null);
            const before = await fingerprint();
            const lastAuditEvent = (await kit.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;

            const request = requestOf(row, params, body);
            if (token) request.headers.set("authorization", `Bearer ${token.secret}`);
            const response = await handler(request, { params: Promise.resolve(params) });

            const answer = await response.json();
            // The API answers a resource it created with 201.
            expect({ status: response.status === 201 ? 200 : response.status, answer }).toMatchObject({ status, answer: status === 200 ? {} : { ok: false } });
            if (status === 200) {
              expect(await fingerprint()).not.toEqual(before);
              expect(await kit.db.auditEvent.count({ where: { id: { gt: lastAuditEvent }, apiTokenId: token!.id } })).toBeGreaterThan(0);
            } else {
              expect(answer.code).toBe(status === 401 ? "unauthenticated" : "forbidden");
              expect(await fingerprint()).toEqual(before);
            }
          });
        }
      }
    });
  }

  /**
   * SCIM (issue 18): only a SCIM token gets in, with 2xx; an admin's ordinary service or personal token gets 403,
   * and an admin's session cookie without a token 401, each in SCIM's error format and writing nothing.
   */
  const SCIM_CALLERS = [
    { caller: "a SCIM token", status: 200 },
    { caller: "an admin's service token", status: 403 },
    { caller: "an admin's personal token", status: 403 },
    { caller: "an admin's session cookie and no token", status: 401 },
  ] as const;
  const scimCaller = async (caller: (typeof SCIM_CALLERS)[number]["caller"]) => {
    if (caller === "an admin's session cookie and no token") return { user: kit.admin, token: null };
    if (caller !== "a SCIM token") return { user: null, token: await tokenOf(caller === "an admin's service token" ? "service" : "personal", "admin", { owner: null }) };
    scimToken ??= await kit.asAdmin((tx, audit) => createServiceToken(tx, kit.admin.id, { name: "Matrix SCIM", role: "admin", teamId: null, expiresInDays: null, scim: true }, audit));
    await kit.db.apiToken.update({ where: { id: scimToken.id }, data: { lastUsedAt: new Date() } });
    return { user: null, token: { id: scimToken.id, secret: scimToken.token } };
  };
  let scimToken: { id: number; token: string } | undefined;
  const scimRows = [...SCIM_READS.map((read) => ({ ...read, method: "GET" as const, request: async () => ({ params: (await read.params?.(kit)) ?? {}, body: undefined }) })), ...SCIM_WRITES];
  for (const row of scimRows) {
    it.each(SCIM_CALLERS)(`${row.method} ${row.route} with $caller: $status`, async ({ caller, status }) => {
      const handler = (await import(/* @vite-ignore */ path.join(ROOT, "app", row.route, "route.ts")))[row.method] as RouteHandler;
      const { user, token } = await scimCaller(caller);
      const { params = {}, body } = await row.request(kit);
      const before = await fingerprint();
      const lastAuditEvent = (await kit.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
      const request = new Request(urlOf(row.route, params), {
        method: row.method,
        headers: { "content-type": "application/scim+json", ...(token ? { authorization: `Bearer ${token.secret}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      session.user = user;
      const response = await handler(request, { params: Promise.resolve(params) });
      session.user = null;
      expect(response.headers.get("content-type")).toBe(response.status === 204 ? null : "application/scim+json");
      if (status === 200) {
        expect(response.status, await response.clone().text()).toBeOneOf([200, 201, 204]);
        if (row.method !== "GET") expect(await kit.db.auditEvent.count({ where: { id: { gt: lastAuditEvent }, apiTokenId: token!.id } })).toBeGreaterThan(0);
        if (row.method === "GET") expect(await fingerprint()).toEqual(before);
      } else {
        expect({ status: response.status, answer: await response.json() }).toMatchObject({ status, answer: { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status) } });
        expect(await fingerprint()).toEqual(before);
      }
    });
  }

  const tokens = new Map<string, { id: number; secret: string; user: CurrentUser }>();
  /**
   * A personal token of the actor, or a service token made by the admin with the actor's role (and team). Made
   * once, and used before the fingerprint is taken: a token notes when it was last used.
   */
  async function tokenOf(kind: "personal" | "service", actor: Exclude<Actor, "anonymous">, row: Pick<WriteRow, "owner">) {
    const person = await currentUserOf(kit.db, emailOf(actor, row));
    const role = person.role;
    const key = kind === "personal" ? `personal ${person.email}` : `service ${role} ${person.teamId ?? ""}`;
    let token = tokens.get(key);
    if (!token) {
      const issued = await kit.asAdmin((tx, audit) =>
        kind === "personal"
          ? createPersonalToken(tx, person.id, { name: key, expiresInDays: null }, audit)
          : createServiceToken(tx, kit.admin.id, { name: key, role, teamId: role === "manager" ? person.teamId : null, expiresInDays: null }, audit),
      );
      token = { id: issued.id, secret: issued.token, user: person };
      tokens.set(key, token);
    }
    await kit.db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    return token;
  }
});

function requestOf(row: WriteRow, params: Record<string, string>, body: unknown): Request {
  if (body instanceof FormData) return new Request(urlOf(row.route, params), { method: row.method, body });
  return new Request(urlOf(row.route, params), { method: row.method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function currentUserOf(db: Db, email: string): Promise<CurrentUser> {
  const person = await db.person.findUniqueOrThrow({ where: { email }, include: { team: true } });
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role as CurrentUser["role"],
    teamId: person.teamId,
    teamName: person.team?.name ?? null,
    teamFunction: person.team?.function ?? null,
  };
}
