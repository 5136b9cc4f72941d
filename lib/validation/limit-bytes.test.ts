import { describe, expect, it } from "vitest";
import { limitBytes } from "@/lib/validation/limit-bytes";

/** A stream of 1 GiB in 64 KiB chunks that counts how much of it was pulled. */
function hugeStream() {
  const chunk = new Uint8Array(64 * 1024).fill(65);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= 1024 ** 3) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe("limitBytes", () => {
  it("fails once the limit is passed, having read only a little past it", async () => {
    const source = hugeStream();
    const body = limitBytes(source.stream, 256 * 1024, () => new Error("too large"));
    await expect(new Response(body.stream).text()).rejects.toThrow("too large");
    expect(body.exceeded()).toBe(true);
    expect(source.pulled()).toBeLessThan(1024 * 1024);
  });

  it("passes a body within the limit through unchanged", async () => {
    const text = JSON.stringify({ name: "Web Platform" });
    const body = limitBytes(new Response(text).body, 1024, () => new Error("too large"));
    expect(await new Response(body.stream).text()).toBe(text);
    expect(body.exceeded()).toBe(false);
  });
});
