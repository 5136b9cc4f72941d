import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressOf } from "./client-address";

describe("clientAddressOf", () => {
  it("with no trusted proxy (the default), takes the socket's peer, the right-most entry, whatever the client wrote", () => {
    expect(clientAddressOf("198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddressOf("1.2.3.4, 5.6.7.8, 198.51.100.7", 0)).toBe("198.51.100.7");
    expect(clientAddressOf("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("with N trusted proxies, takes the entry N hops left of the peer, never one the client wrote further left", () => {
    // Client-written 6.6.6.6, then the proxy's view of the client (203.0.113.9), then the proxy as the socket's peer.
    expect(clientAddressOf("6.6.6.6, 203.0.113.9, 10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddressOf("6.6.6.6, 203.0.113.9, 10.0.0.3, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("takes the furthest entry when there are fewer hops than trusted proxies, and nothing without a header", () => {
    expect(clientAddressOf("203.0.113.9", 2)).toBe("203.0.113.9");
    expect(clientAddressOf(null, 0)).toBeNull();
    expect(clientAddressOf(" , ", 1)).toBeNull();
  });
});

describe("the web server's peer address (peer-address.cjs)", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    createRequire(import.meta.url)("../commands/peer-address.cjs");
    server = createServer((request, response) => response.end(request.headers["x-forwarded-for"]));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const forwardedFor = async (headers: Record<string, string>) => (await fetch(url, { headers })).text();

  it("appends the socket's address to a forged header, so a random header per attempt still counts as one client", async () => {
    const seen = await Promise.all(["6.6.6.1", "6.6.6.2"].map((forged) => forwardedFor({ "x-forwarded-for": forged })));
    expect(seen).toEqual(["6.6.6.1, 127.0.0.1", "6.6.6.2, 127.0.0.1"]);
    expect(seen.map((header) => clientAddressOf(header, 0))).toEqual(["127.0.0.1", "127.0.0.1"]);
    // Behind one trusted proxy (here: as if 127.0.0.1 were it), the entry it appended is the client.
    expect(clientAddressOf(seen[0], 1)).toBe("6.6.6.1");
  });

  it("gives the socket's address alone when no header was sent", async () => {
    expect(await forwardedFor({})).toBe("127.0.0.1");
  });
});
