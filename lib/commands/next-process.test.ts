import { spawnSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";
import { SERVER_NODE_FLAGS, serverNodeFlags, webServerEnvironment } from "./next-process";

describe("the web server's environment", () => {
  it("preloads the peer address into any Node.js it starts, keeping NODE_OPTIONS already given", () => {
    const env = webServerEnvironment({ ...process.env, NODE_OPTIONS: "--no-deprecation" });
    expect(env.NODE_OPTIONS).toMatch(/^--no-deprecation --require=".+peer-address\.cjs"$/);
    const probe = 'console.log(require("node:diagnostics_channel").hasSubscribers("http.server.request.start"))';
    const child = spawnSync(process.execPath, ["-e", probe], { env, encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe("true");
  });
});

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
