import { chmod, mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/lib/db/embedded";
import { startApp, type AppProcess } from "./app-process";
import { DEMO_USERS, expect, signInThroughProvider, test } from "./fixtures";
import { startOidcProvider } from "./oidc-provider";
import { E2E_OIDC } from "./oidc-settings";

const AUTH_SECRET = "e2e-id-token-claims-secret-not-for-production";

/**
 * The other way providers give the email: in the ID token (oidc-provider with `conformIdTokenClaims` off),
 * where the shared e2e provider gives it from UserInfo only. An app of its own on a provider of its own,
 * with the email domains restricted, to check that setting too.
 */
test.describe("single sign-on with the email claims in the ID token", () => {
  test.setTimeout(240_000);
  let tempDir: string | undefined;
  let app: AppProcess | undefined;
  let provider: Server | undefined;

  test.afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => (provider ? provider.close(resolve) : resolve(undefined)));
    if (tempDir) await rm(tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  test("a person Tandem knows signs in; an unverified email and another domain are refused", async ({ browser }) => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "tandem-sso-id-token-"));
    // As root the embedded server runs as the `postgres` user and must enter the folder.
    await chmod(tempDir, 0o755);
    const providerPort = await findFreePort();
    // The app reads the provider's configuration only at the first sign-in, so the provider can start after it,
    // once the app's port (its callback URL) is known.
    app = await startApp({
      DATABASE_URL: "",
      TANDEM_DATA_DIR: path.join(tempDir, "data"),
      AUTH_SECRET,
      TANDEM_DEMO: "true",
      AUTH_OIDC_ISSUER: `http://localhost:${providerPort}`,
      AUTH_OIDC_CLIENT_ID: E2E_OIDC.clientId,
      AUTH_OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
      AUTH_OIDC_NAME: "ID token IdP",
      AUTH_OIDC_ALLOWED_DOMAINS: "example.org",
    });
    // Reached as localhost, as the shared e2e app is: without AUTH_URL, the callback URL the app sends the
    // provider follows the host it is reached by, and the provider must know it.
    const appUrl = app.url.replace("127.0.0.1", "localhost");
    provider = await startOidcProvider({
      port: providerPort,
      clientId: E2E_OIDC.clientId,
      clientSecret: E2E_OIDC.clientSecret,
      redirectUris: [`${appUrl}/api/auth/callback/oidc`],
      claimsInIdToken: true,
    });

    const context = await browser.newContext({ baseURL: appUrl, storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const attempt = async (login: string) => {
      await context.clearCookies();
      await page.goto("/sign-in");
      await signInThroughProvider(page, login, "Sign in with ID token IdP");
    };

    await attempt(DEMO_USERS.viewer.email);
    await expect(page.getByTestId("current-user")).toContainText(DEMO_USERS.viewer.name);

    await attempt(`unverified:${DEMO_USERS.viewer.email}`);
    await expect(page.getByTestId("sign-in-refused")).toHaveText("Your sign-in provider did not confirm your email address, so Tandem cannot tell who you are.");

    await attempt("someone@example.com");
    await expect(page.getByTestId("sign-in-refused")).toHaveText(
      "Tandem accepts single sign-on only for your organisation's email domains, and someone@example.com is not one of them.",
    );
    expect((await context.request.get("/api/me")).status()).toBe(401);
    await context.close();
  });
});
