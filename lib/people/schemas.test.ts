import { describe, expect, it } from "vitest";
import {
  createPersonSchema,
  parseId,
  setPasswordSchema,
  updatePersonSchema,
  updateTeamSchema,
} from "./schemas";

describe("people and team input", () => {
  it("lower-cases and trims the email, and defaults to no team", () => {
    expect(createPersonSchema.parse({ email: " Ada@Example.ORG ", name: " Ada ", role: "none" })).toEqual({
      email: "ada@example.org",
      name: "Ada",
      teamId: null,
      role: "none",
    });
  });

  it("names the fields that are wrong", () => {
    const result = createPersonSchema.safeParse({
      email: "not an email",
      name: "",
      role: "owner",
      teamId: "3",
    });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => issue.path.join(".")));
    expect(fields).toEqual(new Set(["email", "name", "role", "teamId"]));
  });

  it("refuses a password for someone who never signs in, and short or huge passwords", () => {
    const none = createPersonSchema.safeParse({
      email: "a@example.org",
      name: "A",
      role: "none",
      password: "long enough password",
    });
    expect(none.error?.issues[0]).toMatchObject({ path: ["password"] });
    expect(
      createPersonSchema.safeParse({
        email: "a@example.org",
        name: "A",
        role: "viewer",
        password: "long enough password",
      }).success,
    ).toBe(true);
    expect(setPasswordSchema.safeParse({ password: "short" }).success).toBe(false);
    expect(setPasswordSchema.safeParse({ password: "x".repeat(201) }).success).toBe(false);
    expect(setPasswordSchema.safeParse({ password: "x".repeat(12) }).success).toBe(true);
  });

  it("needs the version an edit started from, and no email", () => {
    const edit = { name: "A", teamId: null, role: "viewer" };
    expect(updatePersonSchema.safeParse(edit).success).toBe(false);
    expect(
      updatePersonSchema.parse({ ...edit, updatedAt: "2026-11-23T09:00:00.000Z", email: "x@example.org" }),
    ).not.toHaveProperty("email");
    expect(
      updateTeamSchema.safeParse({
        name: "x".repeat(101),
        function: "it",
        updatedAt: "2026-11-23T09:00:00.000Z",
      }).success,
    ).toBe(false);
  });

  it("parses route ids strictly", () => {
    expect(parseId("12")).toBe(12);
    for (const bad of ["0", "-1", "1.5", "012", "abc", "", undefined, "99999999999999999999"])
      expect(parseId(bad)).toBeNull();
  });
});
