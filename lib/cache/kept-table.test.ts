import { describe, expect, it, vi } from "vitest";
import { KeptTable, keptTable } from "./kept-table";

describe("KeptTable", () => {
  it("drops the least recently used row when full", () => {
    const table = new KeptTable<number>(2, 1_000);
    table.set("a", 1, 0);
    table.set("b", 2, 0);
    expect(table.get("a", 1)).toBe(1);
    table.set("c", 3, 2);
    expect([table.get("a", 3), table.get("b", 3), table.get("c", 3)]).toEqual([1, undefined, 3]);
  });

  it("keeps no row past its maximum age", () => {
    const table = new KeptTable<string>(10, 1_000);
    table.set("a", "kept", 0);
    expect(table.get("a", 999)).toBe("kept");
    expect(table.get("a", 1_000)).toBeUndefined();
    expect(table.peek("a")).toBeUndefined();
  });
});

describe("keptTable", () => {
  it("is one per process and name in production, whichever copy of the code asks; in development a reloaded module starts afresh", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const kept = keptTable<number>("test-table", 10, 1_000);
    kept.set("x", 1);
    // A second copy of the module, as Next.js bundles one per layer: it must see the same table.
    vi.resetModules();
    const copy = await import("./kept-table");
    expect(copy.keptTable<number>("test-table", 10, 1_000).get("x")).toBe(1);
    vi.stubEnv("NODE_ENV", "development");
    expect(copy.keptTable<number>("test-table", 10, 1_000)).not.toBe(kept);
    vi.unstubAllEnvs();
  });
});
