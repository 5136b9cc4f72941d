/**
 * The mock OpenID Connect provider (e2e/mock-oidc-provider.ts) that the e2e app offers as its SSO
 * provider: playwright.config.ts starts it on the port after the app's and gives the app AUTH_OIDC_*.
 */
export const MOCK_OIDC = { name: "Test IdP", clientId: "tandem-e2e", clientSecret: "e2e-only-client-secret" };

export const mockOidcPortFor = (appPort: number) => appPort + 1;
