import { composeMail } from "@/lib/mail/compose";
import { asUser, expect, test } from "./fixtures";
import { withSharedDatabase } from "./shared-database";

/**
 * A message as the mail module would keep it, put in the mailbox by the spec itself: its greeting carries markup
 * that no person's name in the demo does, and its link is one the test can follow (invitations.spec.ts sends real ones).
 */
async function seedMessage(subject: string, url: string): Promise<number> {
  const mail = composeMail("newcomer@example.org", {
    subject,
    greeting: "Hello <Newcomer> & friends,",
    paragraphs: ["Alex Morgan invited you to Tandem, where your organisation keeps track of who owns what."],
    action: { label: "Accept the invitation", url },
    footer: ["This link works once, until 10 December 2026."],
  });
  return withSharedDatabase(async (client) => {
    const { rows } = await client.query<{ id: number }>('INSERT INTO "MailboxMessage" ("to", subject, text, html) VALUES ($1, $2, $3, $4) RETURNING id', [
      mail.to,
      mail.subject,
      mail.text,
      mail.html,
    ]);
    return rows[0]!.id;
  });
}

test.describe("the mailbox as the admin", () => {
  asUser("admin");

  test("is linked from Settings, since the embedded demo keeps its mail", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
    await page.getByRole("link", { name: "Open the mailbox" }).click();
    await expect(page.getByRole("heading", { name: "Mailbox", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Messages" })).toBeVisible();
  });

  test("shows a message, escaped, with links that work from the page and from the message itself", async ({ page, baseURL }) => {
    const subject = `You are invited to Tandem (${Date.now()})`;
    const link = `${baseURL}/settings?from=mail`;
    const id = await seedMessage(subject, link);

    await page.goto("/settings/mailbox");
    await page.getByRole("link", { name: new RegExp(subject.replace(/[()]/g, "\\$&")) }).click();
    await expect(page).toHaveURL(new RegExp(`/settings/mailbox\\?id=${id}$`));
    const message = page.getByRole("article");
    await expect(message.getByRole("heading", { name: subject })).toBeVisible();
    await expect(message.getByText("newcomer@example.org")).toBeVisible();

    // The HTML part, rendered in its sandbox: the name stays text, the button is there.
    const frame = page.frameLocator("iframe");
    await expect(frame.getByText("Hello <Newcomer> & friends,")).toBeVisible();
    const popupOpened = page.waitForEvent("popup");
    await frame.getByRole("link", { name: "Accept the invitation" }).click();
    const popup = await popupOpened;
    await expect(popup).toHaveURL(link);
    await expect(popup.getByRole("heading", { name: "Settings & users" })).toBeVisible();
    await popup.close();

    await page.screenshot({ path: "e2e/screenshots/mailbox-desktop.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("iframe").scrollIntoViewIfNeeded();
    await expect(frame.getByRole("link", { name: "Accept the invitation" })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/mailbox-phone.png", fullPage: true });

    await message.getByRole("link", { name: link }).click();
    await expect(page).toHaveURL(link);
  });

  test("says so when the message asked for is not in the mailbox", async ({ page }) => {
    await page.goto("/settings/mailbox?id=999999999");
    await expect(page.getByText("No such message in the mailbox")).toBeVisible();
  });
});

for (const user of ["marketingManager", "viewer"] as const) {
  test.describe(`the mailbox as ${user}`, () => {
    asUser(user);

    test("is refused", async ({ page }) => {
      await page.goto("/settings/mailbox");
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      await expect(page.getByText("The mailbox is for admins.")).toBeVisible();
    });
  });
}
