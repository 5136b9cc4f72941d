import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-path";

describe("safeCallbackPath", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackPath("/report?team=3")).toBe("/report?team=3");
  });

  it("keeps only the path of an absolute URL", () => {
    expect(safeCallbackPath("http://localhost:3000/matrix?kind=crm")).toBe("/matrix?kind=crm");
    expect(safeCallbackPath("https://evil.example/steal")).toBe("/steal");
  });

  it("refuses protocol-relative and backslash tricks", () => {
    expect(safeCallbackPath("//evil.example")).toBe("/");
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath("javascript:alert(1)")).toBe("/");
  });

  it("does not send a signed-in person back to sign-in, and ignores non-strings", () => {
    expect(safeCallbackPath("/sign-in")).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(42)).toBe("/");
  });
});
