import { describe, expect, it } from "vitest";
import { describeActor } from "./actor";

describe("who made a change, in the history lists", () => {
  it("names the person, the API token it came through, or nobody", () => {
    expect(describeActor({ actor: { name: "Alex Morgan" }, apiToken: null })).toBe("Alex Morgan");
    expect(describeActor({ actor: { name: "Alex Morgan" }, apiToken: { name: "CMDB sync" } })).toBe("Alex Morgan (API token “CMDB sync”)");
    expect(describeActor({ actor: null, apiToken: { name: "CMDB sync" } })).toBe("Someone (API token “CMDB sync”)");
    expect(describeActor({ actor: null, apiToken: null })).toBeNull();
  });
});
