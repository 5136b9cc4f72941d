import { Webhook } from "standardwebhooks";
import { startWebhookReceiver, type WebhookReceiver } from "@/tools/testing/webhook-receiver";
import { asUser, expect, test } from "./fixtures";

/**
 * Settings -> Webhooks on the shared demo server: an endpoint added for a receiver of this test process (the
 * server runs with TANDEM_WEBHOOKS_ALLOW_PRIVATE=true), its secret shown once, a test event that arrives
 * signed and verifies with the standardwebhooks library, and the delivery log; and the screen and its writes
 * refused to managers and viewers.
 */

const PHONE = { width: 390, height: 844 };

test.describe("webhooks as the admin", () => {
  asUser("admin");
  let receiver: WebhookReceiver;
  test.beforeAll(async () => {
    receiver = await startWebhookReceiver("/hooks/tandem-e2e");
  });
  test.afterAll(async () => {
    await receiver?.close();
  });

  test("adds an endpoint, shows its secret once, sends a signed test event and logs it", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    const form = page.getByRole("form", { name: "Add an endpoint" });
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("new-endpoint-url-error")).toHaveText("Enter the endpoint's URL.");
    await form.getByLabel("URL").fill(receiver.url);
    await form.getByLabel("Description").fill("Ownership bot");
    await form.getByRole("checkbox", { name: /cell\.changed/ }).check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").locator("code").textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);

    const endpoint = page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url });
    await expect(endpoint).toContainText("Ownership bot");
    await expect(endpoint).toContainText("cell.changed");
    await expect(endpoint).toContainText(`whsec_…${secret.slice(-4)}`);
    await page.screenshot({ path: "e2e/screenshots/webhooks-secret.png", fullPage: true });
    // Shown once: after a reload the page has only its hint.
    await page.reload();
    expect(await page.content()).not.toContain(secret.slice(6));

    await endpoint.getByRole("button", { name: "Send a test event" }).click();
    await expect(endpoint.getByTestId("endpoint-said")).toHaveText("Test event delivered.");
    const [post] = receiver.received;
    expect(new Webhook(secret).verify(post!.rawBody, post!.headers)).toMatchObject({ type: "webhook.test", data: { message: "A test event from Settings -> Webhooks." } });
    const logged = page.getByTestId("webhook-log").getByRole("row").filter({ hasText: receiver.url }).first();
    await expect(logged).toContainText("webhook.test");
    await expect(logged).toContainText("Sent");
    await expect(logged).toContainText(post!.headers["webhook-id"]!);

    // A failing receiver: the status and start of its answer, and another try to come.
    receiver.answer(503, "maintenance");
    await endpoint.getByRole("button", { name: "Send a test event" }).click();
    await expect(endpoint.getByTestId("endpoint-said")).toHaveText("Test event not delivered; it will be tried again. The endpoint answered 503: maintenance");
    await expect(page.getByTestId("webhook-log").getByRole("row").filter({ hasText: "Retrying" }).first()).toContainText("The endpoint answered 503: maintenance");
    await page.screenshot({ path: "e2e/screenshots/webhooks.png", fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: "e2e/screenshots/webhooks-phone.png", fullPage: true });

    // Deleted, after a confirmation: the shared server sends nothing more to this receiver.
    page.once("dialog", (dialog) => void dialog.accept());
    await endpoint.getByRole("button", { name: `Delete the endpoint ${receiver.url}` }).click();
    await expect(page.getByTestId("webhook-endpoint").filter({ hasText: receiver.url })).toHaveCount(0);
  });
});

for (const user of ["itManager", "viewer"] as const) {
  test.describe(`webhooks as the ${user === "viewer" ? "viewer" : "manager"}`, () => {
    asUser(user);

    test("are refused, page and forged writes alike", async ({ page, baseURL }) => {
      await page.goto("/settings/webhooks");
      await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
      const headers = { origin: baseURL! };
      const created = await page.request.post("/api/settings/webhooks", { data: { url: "https://attacker.example/hook", events: ["cell.changed"] }, headers });
      expect(created.status()).toBe(403);
      const tested = await page.request.post("/api/settings/webhooks/1/test", { data: {}, headers });
      expect(tested.status()).toBe(403);
      if (user === "viewer") await page.screenshot({ path: "e2e/screenshots/webhooks-viewer.png" });
    });
  });
}
