import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ParsedMail } from "mailparser";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { startSmtpTestServer, type SmtpTestServer } from "@/tools/testing/smtp-test-server";
import { startApp, type AppProcess } from "./app-process";
import { expect, test } from "./fixtures";

/**
 * Tandem for a real organisation, from an empty database to a manager opening their first review: the set-up
 * link `npm start` prints, set-up, an import of people.csv, invitations mailed through a real SMTP server, one
 * accepted from the link in its mail. And the refusals on the way: /setup once done, a used, revoked or
 * expired link, a viewer inviting, a reset for an unknown email.
 */

const AUTH_SECRET = "e2e-onboarding-secret-not-for-production-0";
const ADMIN = { name: "Alice Founder", email: "alice@acme.example", password: "lighthouse orchard tandem" };
const PASSWORD = "copper kettle morning walk";

const FIXTURES = path.resolve("tools/testing/import-fixtures");
const csvFile = async (name: string) => ({ name, mimeType: "text/csv", buffer: await readFile(path.join(FIXTURES, name)) });

/** The one link of a mail's plain-text part that points at the app. */
function linkIn(mail: ParsedMail, origin: string): string {
  const link = (mail.text ?? "").match(new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/[^\\s]+`))?.[0];
  if (!link) throw new Error(`No link to ${origin} in:\n${mail.text}`);
  return link;
}

const sentTo = (address: string) => (mail: ParsedMail) => mail.to !== undefined && JSON.stringify(mail.to).includes(address);

test.describe("starting Tandem for an organisation", () => {
  test.setTimeout(240_000);

  let tempDir: string;
  let database: EmbeddedDatabase | undefined;
  let smtp: SmtpTestServer | undefined;
  let app: AppProcess | undefined;

  test.afterEach(async ({}, testInfo) => {
    if (app && testInfo.status !== testInfo.expectedStatus) await testInfo.attach("server output", { body: app.output() });
    await app?.stop();
    await database?.stop();
    await smtp?.close();
    await rm(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  test("set-up link -> set-up -> import -> invite everyone -> a manager accepts by mail and opens their review", async ({ browser }) => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "tandem-onboarding-"));
    // As root the embedded server runs as the `postgres` user and must enter the folder.
    await chmod(tempDir, 0o755);
    database = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "postgres"), databaseName: "tandem", persistent: false });
    smtp = await startSmtpTestServer();
    app = await startApp({ DATABASE_URL: database.url, AUTH_SECRET, TANDEM_DEMO: "false", SMTP_URL: smtp.url, MAIL_FROM: "Tandem <tandem@acme.example>", TANDEM_MAILBOX: "false" });

    // 1. The set-up link, printed at start; the only way in.
    // Printed once the server answers, a moment after it is healthy.
    const printedLink = () => app!.output().match(/http:\/\/localhost:\d+\/setup\?token=[A-Za-z0-9_-]{43}/)?.[0];
    await expect.poll(printedLink, { message: "the set-up link in the output" }).toBeTruthy();
    const setupLink = printedLink();
    const origin = new URL(setupLink!).origin;
    const adminContext = await browser.newContext({ baseURL: origin });
    const page = await adminContext.newPage();
    expect((await page.goto("/setup"))!.status()).toBe(404);
    expect((await page.goto(`/setup?token=${"x".repeat(43)}`))!.status()).toBe(404);

    // 2. Set-up: the organisation and its first admin, who is signed in.
    await page.goto(setupLink!);
    await page.getByLabel("Name", { exact: true }).fill("Acme Outfitters");
    await page.getByLabel("Time zone").fill("Europe/Berlin");
    await page.getByLabel("Your name").fill(ADMIN.name);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("password123456");
    await page.getByRole("button", { name: "Set up and sign in" }).click();
    // A common password is refused, and what was typed stays.
    await expect(page.getByTestId("password-error")).toContainText("among the first that anyone guesses");
    await expect(page.getByLabel("Your name")).toHaveValue(ADMIN.name);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.screenshot({ path: "e2e/screenshots/setup.png", fullPage: true });
    await page.getByRole("button", { name: "Set up and sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(ADMIN.name);
    await expect(page.locator(".sidebar-org")).toHaveText("Acme Outfitters");
    await expect(page.getByTestId("demo-banner")).toHaveCount(0);
    // Done: the link and the page are gone.
    expect((await page.goto(setupLink!))!.status()).toBe(404);

    // 3. Import the organisation's people.
    await page.goto("/settings/import");
    await page.getByTestId("import-file-people").setInputFiles(await csvFile("people.csv"));
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: "Confirm import" }).click();
    await expect(page.getByTestId("import-success")).toBeVisible();
    await page.getByRole("link", { name: "invite those who cannot sign in yet" }).click();

    // 4. Invite everyone who cannot sign in yet: the preview lists who, the button mails them.
    const invitable = page.getByTestId("invitable-people");
    await expect(invitable).toContainText("Bruno Brand");
    await expect(invitable).toContainText("Val Viewer");
    await expect(invitable).not.toContainText("Dev Ops"); // role none: never signs in
    await expect(invitable).not.toContainText(ADMIN.name); // has a password
    const count = await invitable.locator("tbody tr").count();
    await page.getByRole("button", { name: `Invite these ${count} people` }).click();
    await expect(page.getByTestId("invitation-deliveries").locator("li[data-status=sent]")).toHaveCount(count);
    await page.screenshot({ path: "e2e/screenshots/invitations.png", fullPage: true });

    // 5. The manager's mail: to them, from MAIL_FROM, with a link to the public origin, in both parts.
    const mail = await smtp.waitForMessage(sentTo("bruno.brand@example.org"));
    expect(mail.subject).toBe("Alice Founder invited you to Tandem for Acme Outfitters");
    expect(mail.from?.value).toEqual([{ name: "Tandem", address: "tandem@acme.example" }]);
    const invitation = linkIn(mail, origin);
    expect(mail.html).toContain(invitation.replace(/&/g, "&amp;"));

    // 6. The manager accepts, is signed in, and opens their review.
    const managerContext = await browser.newContext({ baseURL: origin });
    const manager = await managerContext.newPage();
    await manager.goto(invitation);
    await expect(manager.getByText("Welcome to Tandem, Bruno Brand")).toBeVisible();
    await manager.getByLabel("New password").fill(PASSWORD);
    await manager.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(manager.getByTestId("current-user")).toContainText("Bruno Brand");
    await manager.goto("/review");
    await expect(manager.getByRole("heading", { level: 1 })).toContainText(/review/i);
    // The link worked once.
    await manager.goto(invitation);
    await expect(manager.getByTestId("dead-link")).toContainText("used already");

    // 7. The admin sees it accepted; revokes the viewer's, whose link then says so.
    await page.goto("/people/invitations");
    await expect(page.getByTestId("invitations").locator("tr", { hasText: "Bruno Brand" })).toHaveAttribute("data-status", "accepted");
    const viewerMail = await smtp.waitForMessage(sentTo("val.viewer@example.org"));
    await page.getByRole("button", { name: "Revoke the invitation to Val Viewer" }).click();
    await expect(page.getByTestId("invitations").locator("tr", { hasText: "Val Viewer" }).first()).toHaveAttribute("data-status", "revoked");
    await manager.goto(linkIn(viewerMail, origin));
    await expect(manager.getByTestId("dead-link")).toContainText("withdrawn");

    // 8. A resent invitation arrives again; past its 7 days it no longer works.
    await page.getByRole("button", { name: "Resend the invitation to Val Viewer" }).click();
    await expect(page.getByTestId("invitation-deliveries")).toContainText("Mailed to val.viewer@example.org");
    const resent = await smtp.waitForMessage((message) => sentTo("val.viewer@example.org")(message) && message !== viewerMail);
    await expireLinksOf(database.url, "val.viewer@example.org");
    await manager.goto(linkIn(resent, origin));
    await expect(manager.getByTestId("dead-link")).toContainText("expired");

    // 9. Only admins invite: the manager's forged request is refused.
    const forged = await manager.request.post("/api/invitations", { data: { everyoneNotYetInvited: true }, headers: { origin } });
    expect(forged.status()).toBe(403);
    await manager.goto("/people/invitations");
    await expect(manager.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(manager.getByText("Only admins invite people.")).toBeVisible();

    // 10. Forgot password: the same answer for an unknown email, and a mail only for a known one.
    const visitor = await (await browser.newContext({ baseURL: origin })).newPage();
    for (const email of ["nobody@acme.example", "bruno.brand@example.org"]) {
      await visitor.goto("/sign-in");
      await visitor.getByRole("link", { name: "Forgot your password?" }).click();
      await expect(visitor.getByRole("button", { name: "Send me a link" })).toBeVisible();
      await visitor.getByLabel("Email").fill(email);
      await visitor.getByRole("button", { name: "Send me a link" }).click();
      await expect(visitor.getByTestId("reset-requested")).toContainText(`If ${email} belongs to an account`);
    }
    const reset = await smtp.waitForMessage((message) => sentTo("bruno.brand@example.org")(message) && message.subject === "Choose a new password for Tandem");
    expect(smtp.messages.filter(sentTo("nobody@acme.example"))).toEqual([]);
    await visitor.goto(linkIn(reset, origin));
    await visitor.getByLabel("New password").fill("another copper kettle walk");
    await visitor.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(visitor.getByTestId("current-user")).toContainText("Bruno Brand");
    await Promise.all([adminContext.close(), managerContext.close(), visitor.context().close()]);
  });
});

/** Moves a person's links past their expiry, as 7 days would. */
async function expireLinksOf(databaseUrl: string, email: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "AccountLink" SET "expiresAt" = now() - interval '1 minute' WHERE "personId" = (SELECT id FROM "Person" WHERE email = $1)`, [email]);
  } finally {
    await client.end();
  }
}
