/**
 * The client's address, for the per-client sign-in limit. Each proxy a request passes appends the address it
 * was connected from to X-Forwarded-For, and the web server appends its own socket's peer last
 * (lib/commands/peer-address.cjs). Only entries written by machines we run can be believed: with
 * `trustedProxies` (TANDEM_TRUSTED_PROXIES) N, the client is the entry N hops left of the socket's peer.
 * Anything further left was written by the client itself, so reading it (as the first entry was read before)
 * let a random header per attempt escape the limit.
 */
export function clientAddressOf(forwardedFor: string | null | undefined, trustedProxies: number): string | null {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  // Fewer hops than trusted proxies (a request that reached the server directly): the furthest one there is.
  const hop = hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
  return normaliseAddress(hop).slice(0, 100);
}

/** An IPv4 client of a dual-stack socket shows as `::ffff:192.0.2.1`; counted as the same client as `192.0.2.1`. */
function normaliseAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").toLowerCase();
}
