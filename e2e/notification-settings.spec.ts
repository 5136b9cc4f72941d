import { startWebhookReceiver, type WebhookReceiver } from "@/tools/testing/webhook-receiver";
import { asUser, expect, test } from "./fixtures";

/**
 * Settings -> Notifications on the shared demo server: the organisation's chat webhook pointed at a receiver of
 * this test process (the app runs on this machine, so 127.0.0.1 reaches it), a test sent through the real
 * outbox, the delivery log; and the screen and its writes refused to managers and viewers.
 */

const PHONE = { width: 390, height: 844 };

test.describe("notification settings as the admin", () => {
  asUser("admin");
  let receiver: WebhookReceiver;
  test.beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  test.afterAll(async () => {
    await receiver?.close();
  });

  test("sets the organisation's webhook, sends a test that arrives, and logs it", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: "Notification settings" }).click();
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();

    await page.getByLabel("Channel of").selectOption({ label: "Organisation" });
    await page.getByLabel("Service").selectOption({ label: "Slack" });
    await page.getByLabel("Webhook URL").fill(receiver.url);
    await page.getByRole("button", { name: "Save webhook" }).click();
    await expect(page.getByTestId("webhook-saved")).toHaveText("Webhook saved for Organisation.");
    const hint = `127.0.0.1:${new URL(receiver.url).port}/…a1b2`;
    await expect(page.getByTestId("webhooks").getByRole("row", { name: /Organisation/ })).toContainText(`Slack: ${hint}`);
    // The URL is a secret: once saved, the page never shows it again.
    await page.reload();
    expect(await page.content()).not.toContain(new URL(receiver.url).pathname);

    await page.getByLabel("Webhook of", { exact: true }).selectOption({ label: `Organisation (${hint})` });
    await page.getByRole("button", { name: "Send a test to chat" }).click();
    await expect(page.getByTestId("test-outcomes")).toContainText("Chat: sent");
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.body).toMatchObject({ blocks: [{ type: "header", text: { text: "Test message from Tandem" } }, { type: "section" }, { type: "actions" }] });

    const logged = page.getByTestId("delivery-log").getByRole("row").filter({ hasText: `Organisation (${hint})` }).first();
    await expect(logged).toContainText("Test message from Tandem");
    await expect(logged).toContainText("Sent");
    await page.screenshot({ path: "e2e/screenshots/notification-settings.png", fullPage: true });

    // A failing channel: the answer's status and start are the error, and it will be tried again.
    receiver.answer(500, "invalid_payload");
    await page.getByRole("button", { name: "Send a test to chat" }).click();
    await expect(page.getByTestId("test-outcomes")).toContainText("Chat: failed, will be tried again");
    await expect(page.getByTestId("test-outcomes")).toContainText("The chat service answered 500: invalid_payload");
    const retrying = page.getByTestId("delivery-log").getByRole("row").filter({ hasText: "Retrying" }).first();
    await expect(retrying).toContainText("The chat service answered 500: invalid_payload");

    await page.setViewportSize(PHONE);
    await page.screenshot({ path: "e2e/screenshots/notification-settings-phone.png", fullPage: true });

    // Removed, after a confirmation: the shared server's organisation has no chat channel again.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Remove the webhook of Organisation" }).click();
    await expect(page.getByTestId("webhook-saved")).toHaveText("Webhook of Organisation removed.");
    await expect(page.getByTestId("webhooks").getByRole("row", { name: /Organisation/ })).toContainText("Not set");
  });

  test("sends a test to oneself, in the app and to the demo's mailbox", async ({ page }) => {
    await page.goto("/settings/notifications");
    await page.getByRole("button", { name: "Send a test to me" }).click();
    await expect(page.getByTestId("test-outcomes")).toContainText("In the app: sent");
    await expect(page.getByTestId("test-outcomes")).toContainText("Mail: sent");
    await expect(page.getByTestId("test-outcomes")).toContainText("Kept in Settings -> Mailbox");
    await expect(page.getByTestId("delivery-log").getByRole("row").filter({ hasText: "admin@example.org" }).first()).toContainText("Sent");
  });

  test("refuses reminder hours beyond a week next to the field", async ({ page }) => {
    await page.goto("/settings/notifications");
    await expect(page.getByRole("checkbox", { name: "Weekly digest: by mail" })).not.toBeChecked();
    await page.getByLabel("Reminder, hours before the review is due").fill("200");
    await page.getByRole("button", { name: "Save defaults" }).click();
    await expect(page.getByTestId("defaults-reminderHoursBefore-error")).toHaveText("At most 168 hours (a week).");
    await page.reload();
    await expect(page.getByLabel("Reminder, hours before the review is due")).toHaveValue("24");
  });
});

for (const user of ["itManager", "viewer"] as const) {
  test.describe(`notification settings as the ${user === "viewer" ? "viewer" : "manager"}`, () => {
    asUser(user);

    test("are refused, page and forged writes alike", async ({ page, baseURL }) => {
      await page.goto("/settings/notifications");
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      const headers = { origin: baseURL! };
      const set = await page.request.put("/api/settings/notifications/webhooks", { data: { teamId: null, format: "slack", url: "https://attacker.example/hook" }, headers });
      expect(set.status()).toBe(403);
      const test_ = await page.request.post("/api/settings/notifications/test", { data: { to: "me" }, headers });
      expect(test_.status()).toBe(403);
      if (user === "viewer") await page.screenshot({ path: "e2e/screenshots/notification-settings-viewer.png" });
    });
  });
}
