import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashNeedsUpgrade, hashPassword, newPasswordProblem, PASSWORD_HASH_COST } from "./password-policy";

describe("newPasswordProblem", () => {
  it("accepts a long password of unrelated words, up to 72 bytes", () => {
    expect(newPasswordProblem("violet kettle ferry 42")).toBeNull();
    expect(newPasswordProblem("Zebra-lamp-orbit-1".padEnd(72, "x"))).toBeNull();
  });

  it("refuses fewer than 12 characters", () => {
    expect(newPasswordProblem("Xk9!vq2#Lm")).toBe("Use at least 12 characters.");
  });

  it("refuses more than 72 bytes, which bcrypt would silently cut, counting bytes and not characters", () => {
    expect(newPasswordProblem("violet kettle ferry ".padEnd(73, "x"))).toMatch(/^Use at most 72 bytes/);
    // 37 accented letters are 74 bytes in UTF-8, though only 37 characters.
    expect(newPasswordProblem("é".repeat(37))).toMatch(/^Use at most 72 bytes/);
  });

  it("refuses the most common passwords, with digits or symbols around a common word, runs and repeats", () => {
    for (const common of ["password1234", "Password1234", "Welcome2026!", "!!letmein!!2026", "123456789012", "qwertyuiopasdf", "zzzzzzzzzzzz", "abababababab", "demo-password", "1q2w3e4r5t6y", "0987654321098"]) {
      expect(newPasswordProblem(common), common).toMatch(/among the first that anyone guesses/);
    }
  });
});

describe("password hashes", () => {
  it("are made with cost 12, and a cheaper one is marked for an upgrade", async () => {
    const hash = await hashPassword("violet kettle ferry 42");
    expect(bcrypt.getRounds(hash)).toBe(PASSWORD_HASH_COST);
    expect(PASSWORD_HASH_COST).toBe(12);
    expect(hashNeedsUpgrade(hash)).toBe(false);
    expect(hashNeedsUpgrade(bcrypt.hashSync("violet kettle ferry 42", 10))).toBe(true);
  });
});
