/**
 * The OpenID Connect provider (`oidc-provider`, e2e/oidc-provider.ts) that the e2e app offers as its SSO
 * provider: playwright.config.ts starts it on the port after the app's and gives the app AUTH_OIDC_*.
 */
export const E2E_OIDC = { name: "Test IdP", clientId: "tandem-e2e", clientSecret: "e2e-only-client-secret" };

export const oidcPortFor = (appPort: number) => appPort + 1;

/** The callback URLs the e2e apps on `port` may send the provider, as the browser or a test names the host. */
export const callbackUrlsFor = (port: number) => [`http://localhost:${port}/api/auth/callback/oidc`, `http://127.0.0.1:${port}/api/auth/callback/oidc`];
