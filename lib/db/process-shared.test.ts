import { describe, expect, it, vi } from "vitest";
import { processShared } from "./process-shared";

describe("processShared", () => {
  it("creates a value once per process and name, whichever copy of the code asks", async () => {
    const create = vi.fn(() => new Map<string, number>());
    const first = processShared("test-shared-map", create);
    first.set("kept", 1);
    // A second copy of the module, as Next.js bundles one per layer: it must see the same value.
    vi.resetModules();
    const copy = await import("./process-shared");
    expect(copy.processShared).not.toBe(processShared);
    expect(copy.processShared("test-shared-map", create).get("kept")).toBe(1);
    expect(create).toHaveBeenCalledTimes(1);
    expect(processShared("test-other-map", () => "other")).toBe("other");
  });
});
