import { randomBytes } from "node:crypto";
import { asUser, DEMO_USERS, expect, test } from "./fixtures";
import { withSharedDatabase } from "./shared-database";

/**
 * Invitations on the embedded demo, which sends no mail: the admin gets each link to pass on, and the message
 * that would have gone out is kept in Settings -> Mailbox. The SMTP side is in onboarding.spec.ts.
 */

const uniqueSuffix = () => randomBytes(4).toString("hex");

test.describe("invitations as the admin", () => {
  asUser("admin");

  test("inviting one person gives the link to pass on; it lets them in once, and the mailbox keeps the mail", async ({ page, baseURL, browser }) => {
    const suffix = uniqueSuffix();
    const person = { email: `invitee.${suffix}@example.org`, name: `Ivy Invitee ${suffix}` };
    const created = await page.request.post("/api/people", { data: { ...person, role: "viewer" }, headers: { origin: baseURL! } });
    expect(created.status()).toBe(200);
    const { id } = ((await created.json()) as { data: { id: number } }).data;

    await page.goto(`/people/${id}`);
    await page.getByRole("button", { name: `Invite ${person.name}` }).click();
    const delivery = page.getByTestId("invitation-deliveries").locator("li");
    await expect(delivery).toHaveAttribute("data-status", "not-configured");
    await expect(delivery).toContainText("pass the link on yourself");
    const link = await delivery.getByRole("textbox").inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}/set-password\\?token=[A-Za-z0-9_-]{43}$`));
    // After the page reloads its state, the link is still there to copy, and the invitation shows as pending.
    await expect(page.getByTestId("invitation-state")).toContainText("the link works until");
    await expect(delivery.getByRole("textbox")).toHaveValue(link);
    await page.screenshot({ path: "e2e/screenshots/invitation-link-to-copy.png", fullPage: true });

    await page.goto("/settings/mailbox");
    await expect(page.getByRole("link", { name: new RegExp(`Alex Morgan invited you to Tandem`) }).first()).toBeVisible();

    const invitee = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await invitee.goto(link);
    await invitee.getByLabel("New password").fill("quiet river lantern seven");
    await invitee.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(invitee.getByTestId("current-user")).toContainText(person.name);
    await invitee.context().close();

    await page.goto(`/people/${id}`);
    await expect(page.getByTestId("invitation-state")).toContainText("Accepted the invitation");
    await expect(page.getByRole("button", { name: /Invite|Resend/ })).toHaveCount(0);
  });

  test("the invitations screen on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/people/invitations");
    await expect(page.getByRole("heading", { level: 1, name: "Invitations" })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/invitations-phone.png", fullPage: true });
  });
});

test.describe("invitations as a viewer", () => {
  asUser("viewer");

  test("shows no invitation controls, and a forged invitation is refused", async ({ page, baseURL }) => {
    await page.goto("/people/invitations");
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await page.goto("/people?q=felix");
    await page.getByRole("link", { name: "Felix Braun" }).click();
    await expect(page.getByTestId("invitation-state")).toHaveCount(0);
    const forged = await page.request.post("/api/invitations", { data: { everyoneNotYetInvited: true }, headers: { origin: baseURL! } });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toMatchObject({ ok: false, code: "forbidden", error: "Only admins invite people." });
  });
});

test.describe("forgot password on the demo", () => {
  test("the reset mail is kept in the mailbox, and the answer is the same for an unknown email", async ({ page }) => {
    const unknown = `nobody.${uniqueSuffix()}@example.org`;
    for (const email of [unknown, DEMO_USERS.viewer.email]) {
      await page.goto("/forgot-password");
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send me a link" }).click();
      await expect(page.getByTestId("reset-requested")).toContainText(`If ${email} belongs to an account`);
    }
    // The mail goes out after the answer: only the known account's arrives.
    const resetMailsTo = (email: string) =>
      withSharedDatabase(async (client) => (await client.query('SELECT text FROM "MailboxMessage" WHERE "to" = $1 AND subject = $2', [email, "Choose a new password for Tandem"])).rows.length);
    await expect.poll(() => resetMailsTo(DEMO_USERS.viewer.email)).toBeGreaterThan(0);
    expect(await resetMailsTo(unknown)).toBe(0);
  });
});
