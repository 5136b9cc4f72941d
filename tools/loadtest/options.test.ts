import { describe, expect, it } from "vitest";
import { parseLoadTestArgs } from "./options";

describe("parseLoadTestArgs", () => {
  it("defaults to 50 users for 60 seconds on a server of its own", () => {
    expect(parseLoadTestArgs([])).toEqual({ users: 50, durationSeconds: 60, url: null });
  });

  it("reads both --name value and --name=value, and keeps only the server's origin", () => {
    expect(
      parseLoadTestArgs(["--users", "8", "--duration=5", "--url", "http://localhost:3000/some/page"]),
    ).toEqual({
      users: 8,
      durationSeconds: 5,
      url: "http://localhost:3000",
    });
  });

  it.each([
    [["--users", "0"], /--users must be a whole number from 1 to 500/],
    [["--users", "2.5"], /--users must be a whole number/],
    [["--duration"], /--duration needs a value/],
    [["--url", "localhost:3000"], /--url must start with http/],
    [["--url", "not a url"], /--url must be the server's address/],
    [["--speed", "9"], /Unknown argument "--speed"/],
  ])("refuses %j with a message that says what is wrong", (args, message) => {
    expect(() => parseLoadTestArgs(args)).toThrow(message);
  });
});
