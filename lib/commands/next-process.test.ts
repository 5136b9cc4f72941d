import { describe, expect, it, vi } from "vitest";
import { SERVER_NODE_FLAGS, serverNodeFlags } from "./next-process";

describe("the web server's Node.js flags", () => {
  it("are the heap defaults unless TANDEM_SERVER_NODE_FLAGS names others, or none", () => {
    const accepts = () => true;
    expect(serverNodeFlags({}, accepts)).toEqual(SERVER_NODE_FLAGS);
    expect(serverNodeFlags({ TANDEM_SERVER_NODE_FLAGS: " --max-old-space-size=2048  --max-semi-space-size=16 " }, accepts)).toEqual([
      "--max-old-space-size=2048",
      "--max-semi-space-size=16",
    ]);
    expect(serverNodeFlags({ TANDEM_SERVER_NODE_FLAGS: "" }, accepts)).toEqual([]);
  });

  it("are dropped with a warning when this Node.js refuses them, so the server still starts", () => {
    const warn = vi.fn();
    expect(serverNodeFlags({ TANDEM_SERVER_NODE_FLAGS: "--no-such-flag" }, () => false, warn)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("--no-such-flag"));
  });

  it("are accepted by the Node.js running the tests, and a made-up one is not", () => {
    const warn = vi.fn();
    expect(serverNodeFlags({}, undefined, warn)).toEqual(SERVER_NODE_FLAGS);
    expect(serverNodeFlags({ TANDEM_SERVER_NODE_FLAGS: "--no-such-flag-at-all" }, undefined, warn)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
