import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { readEnvironment } from "@/lib/config/environment";

/**
 * Webhook endpoints may only be public addresses: an admin (or whoever controls a DNS name an admin trusted)
 * must not make Tandem POST into its own network (a database's admin port, a cloud metadata service). An
 * address is public when ipaddr.js calls its range `unicast`; every other range (loopback, private,
 * link-local, unique-local, carrier-grade NAT, unspecified, multicast, broadcast, reserved, and the IPv6
 * forms that embed an IPv4 address) is refused, IPv4-mapped IPv6 judged as the IPv4 address it maps.
 * TANDEM_WEBHOOKS_ALLOW_PRIVATE=true allows them all (an endpoint inside the organisation's network, tests).
 *
 * The check runs when an endpoint is saved, and again at every delivery inside the connection's own DNS
 * lookup (`guardedLookup`), so a name that resolved to a public address then and a private one now (DNS
 * rebinding) is refused, and the connection goes only to an address that was checked.
 */

export const privateAddressesAllowed = () => readEnvironment().TANDEM_WEBHOOKS_ALLOW_PRIVATE;

/** Why an IP address may not receive webhooks; null when it may. */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== "unicast") return range;
  // ::a.b.c.d (IPv4-compatible, deprecated): ipaddr.js calls it unicast, but it names an IPv4 address too.
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0) ? "reserved" : null;
}

/** A URL's host as an IP literal ("[::1]" -> "::1"), or null for a name. */
function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );
}

/** A sentence saying why Tandem will not send to this URL's host, or null when it will. */
export async function checkWebhookHost(url: string): Promise<string | null> {
  if (privateAddressesAllowed()) return null;
  const { hostname } = new URL(url);
  const literal = ipLiteralOf(hostname);
  let addresses: string[];
  if (literal) addresses = [literal];
  else {
    try {
      addresses = (await resolveAll(hostname)).map((entry) => entry.address);
    } catch {
      return `${hostname} cannot be resolved: check the host name.`;
    }
  }
  const refused = addresses.find((address) => refusedRange(address) !== null);
  if (!refused) return null;
  return `${hostname} is a ${describe(refusedRange(refused)!)} address (${refused}): Tandem sends webhooks to public addresses only (see TANDEM_WEBHOOKS_ALLOW_PRIVATE).`;
}

function describe(range: string): string {
  const words: Record<string, string> = {
    loopback: "loopback",
    private: "private",
    linkLocal: "link-local",
    uniqueLocal: "unique-local",
    carrierGradeNat: "carrier-grade NAT",
    unspecified: "unspecified",
    multicast: "multicast",
    broadcast: "broadcast",
  };
  return words[range] ?? `non-public (${range})`;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * The DNS lookup of a webhook's connection (http.request's `lookup`): resolves the name, refuses it when any
 * address is not public, and hands the connection the addresses it checked.
 */
export function guardedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  resolveAll(hostname).then(
    (addresses) => {
      const refused = privateAddressesAllowed()
        ? undefined
        : addresses.find((entry) => refusedRange(entry.address) !== null);
      if (refused) {
        const error: NodeJS.ErrnoException = new Error(
          `${hostname} resolves to a non-public address (${refused.address}).`,
        );
        error.code = "ENONPUBLIC";
        callback(error, "");
      } else if (addresses.length === 0)
        callback(Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" }), "");
      else if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    },
    (error: NodeJS.ErrnoException) => callback(error, ""),
  );
}

/** For a URL whose host is an IP literal, which the connection does not look up: why it is refused, or null. */
export function refusedLiteral(url: string): string | null {
  if (privateAddressesAllowed()) return null;
  const literal = ipLiteralOf(new URL(url).hostname);
  return literal && refusedRange(literal) ? `${literal} is not a public address.` : null;
}
