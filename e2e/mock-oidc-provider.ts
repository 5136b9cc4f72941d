/**
 * A tiny OpenID Connect provider for the end-to-end tests, so single sign-on is tested for real: the app
 * discovers it, the browser is sent to its authorize page, it redirects back with a code, and the app
 * exchanges the code for an RS256-signed ID token (with the nonce) at its token endpoint. The authorize
 * page asks only "Sign in as (email)": whoever types an address is that person, email verified.
 *
 * Started by playwright.config.ts as a second web server: `tsx e2e/mock-oidc-provider.ts`, configured by
 * MOCK_OIDC_PORT, MOCK_OIDC_CLIENT_ID and MOCK_OIDC_CLIENT_SECRET.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import http from "node:http";

interface ProviderOptions {
  port: number;
  clientId: string;
  clientSecret: string;
}

interface PendingCode {
  email: string;
  clientId: string;
  redirectUri: string;
  nonce?: string;
  codeChallenge?: string;
}

const ID_TOKEN_LIFETIME_SECONDS = 300;

function startMockOidcProvider({ port, clientId, clientSecret }: ProviderOptions): Promise<http.Server> {
  const issuer = `http://localhost:${port}`;
  const keyId = randomBytes(8).toString("hex");
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const publicJwk = { ...publicKey.export({ format: "jwk" }), kid: keyId, alg: "RS256", use: "sig" };
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, Record<string, unknown>>();

  const signJwt = (claims: Record<string, unknown>) => {
    const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: keyId }));
    const payload = base64url(JSON.stringify(claims));
    const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey).toString("base64url");
    return `${header}.${payload}.${signature}`;
  };

  const routes: Record<string, (request: http.IncomingMessage, url: URL, response: http.ServerResponse) => Promise<void> | void> = {
    "GET /.well-known/openid-configuration": (_request, _url, response) =>
      sendJson(response, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ["openid", "email", "profile"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
        claims_supported: ["sub", "email", "email_verified", "name"],
      }),

    "GET /jwks": (_request, _url, response) => sendJson(response, 200, { keys: [publicJwk] }),

    "GET /authorize": (_request, url, response) => {
      const params = url.searchParams;
      const problem =
        params.get("response_type") !== "code"
          ? "response_type must be code"
          : params.get("client_id") !== clientId
            ? "unknown client_id"
            : !params.get("scope")?.split(" ").includes("openid")
              ? "the openid scope is missing"
              : !URL.canParse(params.get("redirect_uri") ?? "")
                ? "redirect_uri is missing"
                : null;
      if (problem) return sendHtml(response, 400, `<h1>Bad authorization request</h1><p>${escapeHtml(problem)}</p>`);
      const carried = ["client_id", "redirect_uri", "state", "nonce", "code_challenge"]
        .filter((name) => params.has(name))
        .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name)!)}">`)
        .join("");
      sendHtml(
        response,
        200,
        `<h1>Mock identity provider</h1>
        <form method="post" action="/authorize">${carried}
          <p><label>Sign in as (email) <input name="email" type="email" required autofocus></label></p>
          <p><button type="submit">Continue</button></p>
        </form>`,
      );
    },

    "POST /authorize": async (request, _url, response) => {
      const form = new URLSearchParams(await readBody(request));
      const redirectUri = form.get("redirect_uri") ?? "";
      if (form.get("client_id") !== clientId || !URL.canParse(redirectUri)) return sendHtml(response, 400, "<h1>Bad authorization request</h1>");
      const code = randomBytes(16).toString("hex");
      codes.set(code, {
        email: (form.get("email") ?? "").trim(),
        clientId,
        redirectUri,
        nonce: form.get("nonce") ?? undefined,
        codeChallenge: form.get("code_challenge") ?? undefined,
      });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("iss", issuer);
      if (form.get("state")) back.searchParams.set("state", form.get("state")!);
      response.writeHead(302, { Location: back.href }).end();
    },

    "POST /token": async (request, _url, response) => {
      const form = new URLSearchParams(await readBody(request));
      const client = clientCredentialsOf(request, form);
      if (client.id !== clientId || client.secret !== clientSecret) return sendJson(response, 401, { error: "invalid_client" });
      const code = form.get("code") ?? "";
      const pending = codes.get(code);
      codes.delete(code);
      if (form.get("grant_type") !== "authorization_code" || !pending || pending.redirectUri !== form.get("redirect_uri")) {
        return sendJson(response, 400, { error: "invalid_grant" });
      }
      if (pending.codeChallenge && createHash("sha256").update(form.get("code_verifier") ?? "").digest("base64url") !== pending.codeChallenge) {
        return sendJson(response, 400, { error: "invalid_grant", error_description: "PKCE verification failed" });
      }
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        sub: `mock-${createHash("sha256").update(pending.email.toLowerCase()).digest("hex").slice(0, 16)}`,
        email: pending.email,
        email_verified: true,
        name: pending.email.split("@")[0],
      };
      const accessToken = randomBytes(16).toString("hex");
      accessTokens.set(accessToken, claims);
      const idToken = signJwt({ ...claims, iss: issuer, aud: pending.clientId, iat: now, exp: now + ID_TOKEN_LIFETIME_SECONDS, nonce: pending.nonce });
      sendJson(response, 200, { access_token: accessToken, token_type: "Bearer", expires_in: ID_TOKEN_LIFETIME_SECONDS, id_token: idToken, scope: "openid email profile" });
    },

    "GET /userinfo": (request, _url, response) => {
      const claims = accessTokens.get(request.headers.authorization?.replace(/^Bearer /i, "") ?? "");
      return claims ? sendJson(response, 200, claims) : sendJson(response, 401, { error: "invalid_token" });
    },
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    const route = routes[`${request.method} ${url.pathname}`];
    if (!route) return sendJson(response, 404, { error: "not_found" });
    Promise.resolve(route(request, url, response)).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendJson(response, 500, { error: "server_error" });
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve(server));
  });
}

/** RFC 6749 2.3.1: HTTP Basic with form-encoded id and secret, or both in the body. */
function clientCredentialsOf(request: http.IncomingMessage, form: URLSearchParams): { id?: string; secret?: string } {
  const basic = request.headers.authorization?.match(/^Basic (.+)$/i)?.[1];
  if (!basic) return { id: form.get("client_id") ?? undefined, secret: form.get("client_secret") ?? undefined };
  const [id = "", secret = ""] = Buffer.from(basic, "base64").toString("utf8").split(":");
  const decode = (value: string) => decodeURIComponent(value.replace(/\+/g, " "));
  return { id: decode(id), secret: decode(secret) };
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify(body));
}

function sendHtml(response: http.ServerResponse, status: number, body: string) {
  response
    .writeHead(status, { "Content-Type": "text/html; charset=utf-8" })
    .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mock identity provider</title></head><body><main>${body}</main></body></html>`);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}

const port = Number(process.env.MOCK_OIDC_PORT);
const clientId = process.env.MOCK_OIDC_CLIENT_ID;
const clientSecret = process.env.MOCK_OIDC_CLIENT_SECRET;
if (!Number.isInteger(port) || !clientId || !clientSecret) {
  console.error("Set MOCK_OIDC_PORT, MOCK_OIDC_CLIENT_ID and MOCK_OIDC_CLIENT_SECRET.");
  process.exit(1);
}
const server = await startMockOidcProvider({ port, clientId, clientSecret });
console.log(`Mock OpenID Connect provider on http://localhost:${port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close(() => process.exit(0)));
