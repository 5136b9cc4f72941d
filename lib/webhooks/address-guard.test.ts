import { afterEach, describe, expect, it, vi } from "vitest";
import { checkWebhookHost, refusedLiteral, refusedRange } from "./address-guard";

describe("the webhook address guard", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("lets public unicast addresses through, IPv4 and IPv6", () => {
    for (const address of ["93.184.215.14", "8.8.8.8", "2606:4700::1111"]) expect(refusedRange(address), address).toBeNull();
  });

  it("refuses every other range, IPv4-mapped and IPv4-compatible IPv6 judged as the IPv4 address they name", () => {
    const refused = {
      "127.0.0.1": "loopback",
      "::1": "loopback",
      "10.0.0.1": "private",
      "172.16.5.4": "private",
      "192.168.1.1": "private",
      "169.254.169.254": "linkLocal",
      "fe80::1": "linkLocal",
      "fd00::1": "uniqueLocal",
      "100.64.0.1": "carrierGradeNat",
      "0.0.0.0": "unspecified",
      "::": "unspecified",
      "224.0.0.1": "multicast",
      "ff02::1": "multicast",
      "255.255.255.255": "broadcast",
      "::ffff:127.0.0.1": "loopback",
      "::ffff:10.1.2.3": "private",
      "::7f00:1": "reserved",
      "64:ff9b::a00:1": "rfc6052",
      "198.51.100.7": "reserved",
    };
    for (const [address, range] of Object.entries(refused)) expect(refusedRange(address), address).toBe(range);
  });

  it("refuses an IP literal in a URL before any connection, bracketed IPv6 too, unless private addresses are allowed", () => {
    expect(refusedLiteral("http://127.0.0.1:8080/hook")).toBe("127.0.0.1 is not a public address.");
    expect(refusedLiteral("http://[::ffff:7f00:1]/hook")).toMatch(/is not a public address/);
    expect(refusedLiteral("https://93.184.215.14/hook")).toBeNull();
    expect(refusedLiteral("https://hooks.example.com/hook")).toBeNull();
    vi.stubEnv("TANDEM_WEBHOOKS_ALLOW_PRIVATE", "true");
    expect(refusedLiteral("http://127.0.0.1:8080/hook")).toBeNull();
  });

  it("resolves a host name and says why it is refused", async () => {
    expect(await checkWebhookHost("http://localhost:3000/hook")).toMatch(/^localhost is a loopback address \((127\.0\.0\.1|::1)\): Tandem sends webhooks to public addresses only/);
    expect(await checkWebhookHost("http://[fd12::1]/hook")).toMatch(/unique-local address/);
    expect(await checkWebhookHost("http://no-such-host.invalid/hook")).toBe("no-such-host.invalid cannot be resolved: check the host name.");
  });
});
