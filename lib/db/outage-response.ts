import { defaultMessage } from "@/lib/errors";

/**
 * What the proxy answers while the database is unreachable: 503 with Retry-After. Machine clients get the
 * same JSON a write route answers for `unavailable`; people get a small page that needs nothing from the
 * app (no stylesheet, no database). Its one script, allowed by the request's CSP nonce, asks /api/health
 * every few seconds and reloads the page once the database answers, so it reloads only when it can show
 * something; without JavaScript a slower meta refresh does the same.
 */

export const RETRY_AFTER_SECONDS = 5;
const NO_SCRIPT_REFRESH_SECONDS = 30;

export function outageResponse(pathname: string, nonce: string): Response {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return Response.json({ ok: false, code: "unavailable", error: defaultMessage("unavailable") }, { status: 503, headers });
  }
  return new Response(outagePage(nonce), { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

const outagePage = (nonce: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<noscript><meta http-equiv="refresh" content="${NO_SCRIPT_REFRESH_SECONDS}"></noscript>
<title>Tandem is unavailable for a moment</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f6f7f9; color: #1f2933; }
  main { max-width: 34rem; margin: 15vh auto 0; padding: 2rem; background: #fff; border: 1px solid #d9dee5; border-radius: 8px; }
  h1 { margin: 0 0 0.75rem; font-size: 1.35rem; }
  p { margin: 0.5rem 0; line-height: 1.5; }
</style>
</head>
<body>
<main>
  <h1>Tandem cannot reach its database at the moment</h1>
  <p>Everything saved so far is safe; new changes have to wait until the database is back.</p>
  <p>This page tries again by itself and shows what you asked for as soon as it can.</p>
</main>
<script nonce="${nonce}">
  (function waitForDatabase() {
    setTimeout(function () {
      fetch("/api/health", { cache: "no-store" }).then(function (response) {
        if (response.ok) location.reload();
        else waitForDatabase();
      }, waitForDatabase);
    }, ${RETRY_AFTER_SECONDS * 1000});
  })();
</script>
</body>
</html>
`;
