import { describe, expect, it } from "vitest";
import { sessionOfToken } from "./revoked-sessions";
import { isSessionCurrent } from "./session-validity";

describe("isSessionCurrent", () => {
  const changedAt = new Date("2026-12-03T12:00:00.400Z");
  const seconds = (iso: string) => Date.parse(iso) / 1000;

  it("honours every session while nothing ended them", () => {
    expect(isSessionCurrent(seconds("2026-01-01T00:00:00Z"), null)).toBe(true);
  });

  it("refuses sessions signed in before the change, honours those signed in after it or in its second", () => {
    expect(isSessionCurrent(seconds("2026-12-03T11:59:59Z"), changedAt)).toBe(false);
    expect(isSessionCurrent(seconds("2026-12-03T12:00:00Z"), changedAt)).toBe(true);
    expect(isSessionCurrent(seconds("2026-12-03T12:05:00Z"), changedAt)).toBe(true);
  });
});

describe("sessionOfToken", () => {
  it("reads the person, session id and sign-in time a session token names", () => {
    expect(sessionOfToken({ sub: "12", sid: "abc", signedInAt: 1_800_000_000 })).toEqual({ personId: 12, sessionId: "abc", signedInAt: 1_800_000_000 });
  });

  it("finds none in a token without them", () => {
    expect(sessionOfToken({ sub: "12" })).toBeNull();
    expect(sessionOfToken({ sub: "x", sid: "abc", signedInAt: 1 })).toBeNull();
    expect(sessionOfToken(null)).toBeNull();
  });
});
