import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, listRequestSources, type EntryPoint } from "@/tools/testing/authorization-paths";

/**
 * Issue 6, item 1: every route handler and server action goes through one wrapper (writeRoute, readRoute,
 * serverAction) that checks the session, a policy of DESIGN.md section 5 and the input's schema. This reads
 * the source of the whole app, so a route or action added without its wrapper fails here.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The entry points that are public on purpose, each with the reason. Nothing else may skip a wrapper. */
const PUBLIC_ENTRY_POINTS: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts GET": "next-auth's own endpoints (session, CSRF token, providers, the SSO callback): they are how a visitor gets a session",
  "app/api/auth/[...nextauth]/route.ts POST": "next-auth's own sign-in and sign-out endpoints, protected by its CSRF token",
  "app/api/v1/openapi.json/route.ts GET": "the API's OpenAPI document, public like any API's reference: it describes the routes and holds no data",
  "app/api/health/route.ts GET": "load balancers and docker-compose ask it without a session; it says up or down and nothing else",
  "app/(auth)/sign-in/actions.ts signInAction": "signing in is what a visitor without a session does; attempts are throttled (lib/auth/throttle.ts)",
  "app/(auth)/sign-in/actions.ts singleSignOnAction": "sends a visitor without a session to the SSO provider; the callback comes back through next-auth",
  "app/(auth)/setup/actions.ts setupAction": "the first-run set-up makes the first admin, who has no session yet; it needs the one-time set-up link (lib/accounts/setup.ts)",
  "app/(auth)/set-password/actions.ts choosePasswordAction": "an invited person, or one who forgot their password, has no session yet; it needs a one-time link (lib/accounts/choose-password.ts)",
  "app/(auth)/unsubscribe/actions.ts unsubscribeAction": "the button of the page a mail's unsubscribe link opens, often without a session; the link's signed token is the authority and only turns that kind of mail off for its person (lib/notifications/unsubscribe.ts)",
  "app/api/unsubscribe/route.ts POST": "RFC 8058 one-click unsubscribe: mail clients POST it with no session and from no page of ours; the signed token in the URL is the authority and only turns that kind of mail off for its person, audited with them as actor",
  "app/(auth)/forgot-password/actions.ts forgotPasswordAction": "a person who forgot their password has no session; requests are throttled like sign-in and answer alike for any email (lib/accounts/password-reset.ts)",
};

const keyOf = (entry: Pick<EntryPoint, "file" | "name">) => `${entry.file} ${entry.name}`;

describe("one authorization path", () => {
  const entries = listRequestSources(ROOT).flatMap(({ file, text }) => checkSource(file, text));

  it("finds the app's routes and actions", () => {
    const routes = entries.filter((entry) => entry.kind === "route");
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(routes.filter((entry) => entry.wrapper === "writeRoute").length).toBeGreaterThanOrEqual(20);
    expect(routes.filter((entry) => entry.wrapper === "readRoute").length).toBeGreaterThanOrEqual(3);
    expect(entries.filter((entry) => entry.wrapper === "serverAction").map(keyOf)).toContain("app/(app)/sign-out-action.ts signOutAction");
  });

  it("builds every route handler and server action with its wrapper, policy and schema, or lists it as public with a reason", () => {
    const bypassing = entries.filter((entry) => entry.problem !== null && !(keyOf(entry) in PUBLIC_ENTRY_POINTS));
    expect(bypassing.map((entry) => `${keyOf(entry)} ${entry.problem}`)).toEqual([]);
  });

  it("lists as public only entry points that exist and bypass the wrappers", () => {
    const unwrapped = new Set(entries.filter((entry) => entry.problem !== null).map(keyOf));
    expect(Object.keys(PUBLIC_ENTRY_POINTS).filter((key) => !unwrapped.has(key))).toEqual([]);
  });
});

describe("the checker", () => {
  const WRITE_IMPORT = 'import { writeRoute } from "@/lib/api/write-route";\n';
  const ACTIONS = "lib/sample/actions.ts";
  const problemsOf = (text: string, file = "app/api/sample/route.ts") =>
    checkSource(file, text).map((entry) => (entry.problem ? `${entry.name} ${entry.problem}` : null));

  it("accepts routes and actions built with their wrapper, ignoring a route's other exports", () => {
    expect(problemsOf(`${WRITE_IMPORT}export const dynamic = "force-dynamic";\nexport const POST = writeRoute({ schema: s, policy: catalogEditors, handle: h });`)).toEqual([null]);
    expect(problemsOf('import { readRoute } from "@/lib/api/read-route";\nexport const GET = readRoute({ query: q, policy: anySignedIn, handle: h });')).toEqual([null]);
    expect(problemsOf('"use server";\nimport { serverAction } from "@/lib/api/server-action";\nexport const act = serverAction({ schema: s, policy: p, handle: h });', ACTIONS)).toEqual([null]);
  });

  it("fails a route that bypasses the wrapper, in every way it could", () => {
    const bypasses = {
      "a plain function": "export async function POST(request: Request) { return Response.json(await request.json()); }",
      "the old read wrapper": 'import { withApiUser } from "@/lib/auth/api";\nexport const GET = withApiUser(async () => Response.json({}));',
      "no policy": `${WRITE_IMPORT}export const POST = writeRoute({ schema: s, handle: h });`,
      "no schema": `${WRITE_IMPORT}export const PATCH = writeRoute({ policy: p, handle: h });`,
      "a spread declaration": `${WRITE_IMPORT}export const PUT = writeRoute({ ...declaration });`,
      "a look-alike wrapper": 'import { writeRoute } from "./my-write-route";\nexport const POST = writeRoute({ schema: s, policy: p, handle: h });',
      "a renamed import": 'import { readRoute as writeRoute } from "@/lib/api/read-route";\nexport const POST = writeRoute({ schema: s, policy: p, handle: h });',
      "a write built as a read": 'import { readRoute } from "@/lib/api/read-route";\nexport const DELETE = readRoute({ query: q, policy: p, handle: h });',
      "destructured handlers": "export const { GET, POST } = handlers;",
      "a re-export": 'export { POST } from "./elsewhere";',
      "a default export": "export default async function handler() {}",
    };
    for (const [bypass, text] of Object.entries(bypasses)) {
      const problems = problemsOf(text);
      expect(problems.length, bypass).toBeGreaterThan(0);
      expect(problems.every((problem) => problem !== null), bypass).toBe(true);
    }
    expect(problemsOf(bypasses["no policy"])).toEqual(["POST declares no policy in writeRoute"]);
  });

  it("fails a server action that bypasses the wrapper, and one declared inside a component", () => {
    expect(problemsOf('"use server";\nexport async function deleteEverything() {}', ACTIONS)).toEqual(["deleteEverything is a plain function: build it with its wrapper"]);
    expect(problemsOf(`"use server";\n${WRITE_IMPORT}export const act = writeRoute({ schema: s, policy: p, handle: h });`, ACTIONS)).toEqual([
      "act is built with writeRoute, not serverAction",
    ]);
    expect(problemsOf('export function Form() { async function act() { "use server"; } return act; }', "components/sample-form.tsx")).toEqual([
      '(inline) declares a server action inside a function: put it in a "use server" module, built with serverAction',
    ]);
    expect(problemsOf('export function Form() { return "use server"; }', "components/sample-form.tsx")).toEqual([]);
  });
});
