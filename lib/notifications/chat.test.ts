import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decryptWebhookUrl, encryptWebhookUrl, isWebUrl, slackPayload, teamsPayload, urlHint } from "./chat";

const WEBHOOK_URL = "https://hooks.slack.com/services/T0001/B0002/XyZsecretA1b2";

describe("chat webhook URLs", () => {
  beforeEach(() => vi.stubEnv("AUTH_SECRET", "unit-test-secret-of-at-least-32-bytes!!"));
  afterEach(() => vi.unstubAllEnvs());

  it("are encrypted with a fresh IV each time, the URL nowhere in the ciphertext, and decrypted back", () => {
    const first = encryptWebhookUrl(WEBHOOK_URL);
    const second = encryptWebhookUrl(WEBHOOK_URL);
    expect(first).not.toEqual(second);
    for (const stored of [first, second]) {
      expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      for (const piece of ["hooks.slack.com", "XyZsecret", Buffer.from(WEBHOOK_URL).toString("base64url").slice(0, 12)]) expect(stored).not.toContain(piece);
      expect(decryptWebhookUrl(stored)).toBe(WEBHOOK_URL);
    }
  });

  it("refuse a ciphertext that was altered", () => {
    const [version, iv, tag, ciphertext] = encryptWebhookUrl(WEBHOOK_URL).split(".") as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptWebhookUrl([version, iv, tag, flipped.toString("base64url")].join("."))).toThrow(/cannot be decrypted/);
    expect(() => decryptWebhookUrl("not a ciphertext")).toThrow(/not in a format/);
  });

  it("cannot be decrypted once AUTH_SECRET has changed, and say so", () => {
    const stored = encryptWebhookUrl(WEBHOOK_URL);
    vi.stubEnv("AUTH_SECRET", "another-secret-of-at-least-32-bytes-long");
    expect(() => decryptWebhookUrl(stored)).toThrow("AUTH_SECRET has changed");
  });

  it("are shown as their host and last 4 characters", () => {
    expect(urlHint(WEBHOOK_URL)).toBe("hooks.slack.com/…A1b2");
    expect(urlHint("https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=QwEr")).toBe("prod-01.westeurope.logic.azure.com/…QwEr");
  });

  it("are web addresses only", () => {
    expect(isWebUrl(WEBHOOK_URL)).toBe(true);
    expect(isWebUrl("http://127.0.0.1:8080/hook")).toBe(true);
    for (const value of ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "hooks.slack.com/services/x", ""]) expect(isWebUrl(value)).toBe(false);
  });
});

describe("chat message formats", () => {
  const message = { title: "Hand-off received", body: "Web Platform handed 3 cells to you.\n\nR&D <urgent>", url: "https://tandem.example/review/12" };

  it("Slack: text for notifications, a header, the body as escaped mrkdwn and a button to the screen", () => {
    expect(slackPayload(message)).toEqual({
      text: "Hand-off received: https://tandem.example/review/12",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Hand-off received", emoji: false } },
        { type: "section", text: { type: "mrkdwn", text: "Web Platform handed 3 cells to you.\n\nR&amp;D &lt;urgent&gt;" } },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Tandem" }, url: message.url }] },
      ],
    });
  });

  it("Teams: an Adaptive Card in the message's attachments, a block per paragraph and an Open URL action", () => {
    const payload = teamsPayload(message);
    expect(payload.type).toBe("message");
    const [attachment] = payload.attachments;
    expect(attachment).toMatchObject({ contentType: "application/vnd.microsoft.card.adaptive", content: { type: "AdaptiveCard", version: "1.4" } });
    expect(attachment!.content.body.map((block) => block.text)).toEqual(["Hand-off received", "Web Platform handed 3 cells to you.", "R&D <urgent>"]);
    expect(attachment!.content.actions).toEqual([{ type: "Action.OpenUrl", title: "Open in Tandem", url: message.url }]);
  });
});
