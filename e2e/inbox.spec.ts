import type { Browser, Page } from "@playwright/test";
import { asUser, confirmAllAndSubmit, DEMO_PASSWORD, expect, SignInPage, test } from "./fixtures";
import { withSharedDatabase } from "./shared-database";

/**
 * Issue 16: the in-app inbox. A hand-off made in a submitted review reaches the receiving team's manager, in the
 * bell and the inbox. The review submitted here is Security & Infrastructure's (Sarah O'Connell's), handing a
 * cell to Digital Campaigns (Daniel Okafor): no other spec signs in as either or submits their reviews (the
 * review spec works on Web Platform's, and hands off to Data Engineering), and this week's status of their
 * reviews is not one the review history spec counts.
 */

const SENDER = { email: "sarah.oconnell@example.org", team: "Security & Infrastructure" };
const RECEIVER = { email: "daniel.okafor@example.org", team: "Digital Campaigns" };
const PHONE = { width: 390, height: 844 };

/** A fresh browser signed in as `email`. */
async function signedIn(browser: Browser, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await new SignInPage(page).signIn(email, DEMO_PASSWORD);
  await expect(page.getByTestId("current-user")).toBeVisible();
  return page;
}

/** The bell's number, read from its accessible name ("Inbox, 3 unread" or "Inbox, nothing unread"). */
async function unreadOf(page: Page): Promise<number> {
  const label = (await page.getByTestId("inbox-bell").getAttribute("aria-label")) ?? "";
  return Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
}


test.describe("a hand-off in the receiving manager's bell and inbox", () => {
  test("shows in the bell and the inbox, opens the review and is then read; another person cannot mark it", async ({ browser, baseURL }) => {
    test.slow();
    const receiver = await signedIn(browser, RECEIVER.email);
    const before = await unreadOf(receiver);

    // The sender hands one cell of their review to Digital Campaigns and submits.
    const sender = await signedIn(browser, SENDER.email);
    await sender.goto("/review");
    await expect(sender.getByRole("heading", { level: 1, name: `Weekly review · ${SENDER.team}` })).toBeVisible();
    // Not a cell of the review spec's own decisions (its Web Platform cells are in this scope too).
    const cell = sender.locator('tr[data-cell]:not([data-cell^="corporate-website/"]):not([data-cell^="online-store/"])').first();
    await cell.getByRole("button", { name: "Hand off" }).click();
    const handoff = sender.getByRole("form", { name: /^Hand off / });
    await handoff.getByLabel("Hand off to").selectOption({ label: RECEIVER.team });
    await handoff.getByLabel(/Note for them/).fill("Campaign tracking is yours now.");
    await handoff.getByRole("button", { name: "Save hand-off" }).click();
    await expect(cell.getByTestId("decision-meta")).toContainText("Handed off by you");
    await confirmAllAndSubmit(sender);

    // The receiving manager's bell counts it on their next page.
    await receiver.reload();
    expect(await unreadOf(receiver)).toBe(before + 1);
    await expect(receiver.getByTestId("unread-count")).toHaveText(String(before + 1));
    await receiver.screenshot({ path: "e2e/screenshots/inbox-bell.png" });
    await receiver.getByTestId("inbox-bell").click();
    await expect(receiver).toHaveURL("/inbox");
    const message = receiver.getByTestId("inbox-message").filter({ hasText: `${SENDER.team} handed 1 cell to your team` });
    await expect(message).toHaveAttribute("data-unread", "true");
    await expect(message).toContainText(`${SENDER.team}'s review of`);
    await expect(message).toContainText("They come into your team's review next week, to decide who owns them.");
    const link = message.getByRole("link", { name: `${SENDER.team} handed 1 cell to your team` });
    await expect(link).toHaveAttribute("href", "/review");
    await receiver.screenshot({ path: "e2e/screenshots/inbox.png", fullPage: true });

    // Another person's forged "mark read" of it is refused as if it did not exist, and leaves it unread.
    const id = await withSharedDatabase(async (client) => {
      const { rows } = await client.query<{ id: number }>(
        `SELECT n.id FROM "Notification" n JOIN "Person" p ON p.id = n."personId" WHERE p.email = $1 AND n.title = $2 ORDER BY n.id DESC LIMIT 1`,
        [RECEIVER.email, `${SENDER.team} handed 1 cell to your team`],
      );
      return rows[0]!.id;
    });
    const forger = await signedIn(browser, "viewer@example.org");
    const forged = await forger.request.post(`/api/notifications/${id}/read`, { data: {}, headers: { origin: baseURL! } });
    expect(forged.status()).toBe(404);
    expect(await forged.json()).toMatchObject({ ok: false, code: "not-found" });
    await receiver.reload();
    await expect(message).toHaveAttribute("data-unread", "true");

    // Opening it marks it read and leads to the review; the bell counts one fewer.
    await link.click();
    await expect(receiver).toHaveURL("/review");
    await expect(receiver.getByRole("heading", { level: 1, name: `Weekly review · ${RECEIVER.team}` })).toBeVisible();
    await expect.poll(() => unreadOf(receiver)).toBe(before);
    await receiver.goto("/inbox");
    await expect(message).not.toHaveAttribute("data-unread", "true");

    const phone = await signedIn(browser, RECEIVER.email, PHONE);
    await phone.goto("/inbox");
    await expect(phone.getByTestId("inbox-message").first()).toBeVisible();
    await phone.screenshot({ path: "e2e/screenshots/inbox-phone.png", fullPage: true });
    for (const page of [receiver, sender, forger, phone]) await page.context().close();
  });
});

test.describe("the inbox of a viewer", () => {
  asUser("viewer");

  test("is empty, with no number on the bell", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("inbox-bell")).toHaveAttribute("aria-label", "Inbox, nothing unread");
    await expect(page.getByTestId("unread-count")).toHaveCount(0);
    await page.getByTestId("inbox-bell").click();
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    await expect(page.getByTestId("inbox-empty")).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark all read" })).toHaveCount(0);
  });

  test("chooses their notifications on My account", async ({ page }) => {
    await page.goto("/account");
    const digestMail = page.getByRole("checkbox", { name: "Weekly digest: By mail" });
    const row = page.locator('tr[data-kind="weekly_digest"]');
    const wanted = !(await digestMail.isChecked());
    await digestMail.setChecked(wanted);
    await page.getByRole("button", { name: "Save notifications" }).click();
    await expect(page.getByTestId("preferences-saved")).toBeVisible();
    await page.reload();
    await expect(digestMail).toBeChecked({ checked: wanted });
    await expect(row).toContainText("your choice");
    await page.locator("#notifications").screenshot({ path: "e2e/screenshots/account-notifications.png" });
  });
});

test.describe("an unsubscribe link", () => {
  test("that is not valid says so, without signing in", async ({ page }) => {
    await page.goto("/unsubscribe?token=1.handoff_received.forged");
    await expect(page.getByTestId("unsubscribe-invalid")).toContainText("This unsubscribe link is not valid");
    const oneClick = await page.request.post("/api/unsubscribe?token=1.handoff_received.forged", {
      form: { "List-Unsubscribe": "One-Click" },
    });
    expect(oneClick.status()).toBe(404);
  });
});
