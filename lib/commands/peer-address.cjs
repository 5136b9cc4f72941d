"use strict";
/**
 * Preloaded into the web server (`--require`, see `webServerEnvironment` in next-process.ts): appends each
 * request's socket address to its X-Forwarded-For, as a reverse proxy does, before Next.js sees it.
 *
 * Why: Next.js 16 gives route handlers no socket address (`NextRequest.ip` is gone since 15), and it fills
 * X-Forwarded-For from the socket only when the client sent none, so a client could write the whole header
 * itself. With this, the right-most entry is always the peer that really connected, and the app counts
 * trusted proxies from there (lib/security/client-address.ts). Node's `http.server.request.start`
 * diagnostics channel runs before the server's "request" listeners, with no patching of Node or Next.js.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS: Node loads it with --require, before any bundler
const diagnosticsChannel = require("node:diagnostics_channel");

/** @param {{ headers: Record<string, string | string[] | undefined> }} request @param {{ remoteAddress?: string }} socket */
function appendPeerAddress(request, socket) {
  const peer = socket.remoteAddress;
  if (!peer) return;
  // Node joins repeated X-Forwarded-For headers with ", " already.
  const given = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = given ? `${given}, ${peer}` : peer;
}

const subscribed = Symbol.for("tandem.peer-address");
if (!globalThis[subscribed]) {
  globalThis[subscribed] = true;
  diagnosticsChannel.subscribe("http.server.request.start", ({ request, socket }) => appendPeerAddress(request, socket));
}

module.exports = { appendPeerAddress };
