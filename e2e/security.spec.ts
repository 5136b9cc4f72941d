import { expect, storageStateOf, test } from "./fixtures";

test.describe("where sign-in sends a signed-in person", () => {
  test.use({ storageState: storageStateOf("viewer") });

  for (const callbackUrl of ["/%0a/evil.example", "/%09/evil.example", "/%5Cevil.example", "//evil.example", "https://evil.example/"]) {
    test(`callbackUrl=${callbackUrl} stays on this site, without a server error`, async ({ page, baseURL }) => {
      const response = await page.request.get(`/sign-in?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
      expect(response.status()).toBeLessThan(500);
      expect(response.headers()["location"]).toBe("/");
      await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      await expect(page).toHaveURL(`${baseURL}/`);
    });
  }

  test("a path on this site is kept with its query", async ({ page }) => {
    const response = await page.request.get("/sign-in?callbackUrl=%2Freport%3Fgap%3Dno-owner", { maxRedirects: 0 });
    expect(response.headers()["location"]).toBe("/report?gap=no-owner");
  });
});

test.describe("security headers", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("pages carry a nonce-based CSP without eval, and the other protective headers", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/assets");
    const headers = response!.headers();
    const policy = headers["content-security-policy"]!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    // Plain HTTP here: HSTS would be meaningless and is left out.
    expect(headers["strict-transport-security"]).toBeUndefined();

    // Next.js put the nonce on its scripts, so the page hydrated and works under the policy.
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    // Every script the server wrote carries it (chunks loaded later are trusted through 'strict-dynamic').
    const scriptTags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    // React hydrated the document: its scripts ran under the policy.
    await expect.poll(() => page.evaluate(() => Object.keys(document).some((key) => key.startsWith("__reactContainer")))).toBe(true);
    expect(violations).toEqual([]);

    // A fresh nonce on every request.
    const again = await page.request.get("/assets");
    expect(again.headers()["content-security-policy"]).not.toBe(policy);
  });

  test("HSTS is sent when the request came over HTTPS through a proxy", async ({ request }) => {
    const response = await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("static files get the fixed headers too", async ({ page }) => {
    await page.goto("/");
    const script = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
    const response = await page.request.get(script!);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("cross-site requests", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a cross-origin form POST is refused and writes nothing, even with the admin's cookies", async ({ page }) => {
    const name = `Forged team ${Date.now()}`;
    const response = await page.request.post("/api/teams", {
      headers: { Origin: "https://evil.example" },
      form: { name, function: "it" },
    });
    expect(response.status()).toBe(403);
    await page.goto("/teams");
    await expect(page.getByText(name)).toHaveCount(0);
  });
});
