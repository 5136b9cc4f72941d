import bcrypt from "bcryptjs";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { COMMON_LONG_PASSWORDS, COMMON_WORDS } from "./common-passwords";

/** bcrypt's work factor for every password set from now on; older hashes are brought up to it at sign-in. */
export const PASSWORD_HASH_COST = 12;
export const PASSWORD_MIN_CHARACTERS = 12;
/** bcrypt reads the first 72 bytes and ignores the rest: a longer password would be checked only in part. */
export const PASSWORD_MAX_BYTES = 72;

const KEYBOARD_RUNS = ["1234567890", "qwertyuiopasdfghjklzxcvbnm", "abcdefghijklmnopqrstuvwxyz"];

/** True for a run along a keyboard row or the alphabet (forwards or backwards), or one character repeated. */
function isRunOrRepeat(text: string): boolean {
  if (new Set(text).size <= 2) return true;
  return KEYBOARD_RUNS.some((run) => {
    const doubled = run.repeat(Math.ceil(text.length / run.length) + 1);
    const reversed = [...doubled].reverse().join("");
    return doubled.includes(text) || reversed.includes(text);
  });
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_LONG_PASSWORDS.has(lower) || isRunOrRepeat(lower)) return true;
  // "Welcome2026!", "!!password!!": a common word with digits or symbols around it.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  return core === "" || COMMON_WORDS.has(core) || COMMON_WORDS.has(core.replace(/[^a-z]/g, ""));
}

/** Why a new password is refused, in a sentence for the form; null when it may be set. */
export function newPasswordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN_CHARACTERS) return `Use at least ${PASSWORD_MIN_CHARACTERS} characters.`;
  if (Buffer.byteLength(password, "utf8") > PASSWORD_MAX_BYTES) {
    return `Use at most ${PASSWORD_MAX_BYTES} bytes (${PASSWORD_MAX_BYTES} letters or digits, fewer with accents or symbols beyond them): only that much of a password is checked.`;
  }
  if (isCommon(password)) return "This password is among the first that anyone guesses: choose another, such as a few unrelated words.";
  return null;
}

/** For a zod schema's `superRefine`: adds the problem of the `password` field, if any, to that field. */
export function refineNewPassword(input: { password?: string | undefined }, context: { addIssue(issue: { code: "custom"; path: string[]; message: string }): void }): void {
  // zod runs refinements after the field's own checks failed too: a length the schema refined already
  // refuses (fewer than 12 characters, more than the form's limit) is not explained twice.
  if (typeof input.password !== "string") return;
  const characters = [...input.password].length;
  if (characters < PASSWORD_MIN_CHARACTERS || characters > TEXT_MAX.password) return;
  const problem = newPasswordProblem(input.password);
  if (problem) context.addIssue({ code: "custom", path: ["password"], message: problem });
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_HASH_COST);
}

/** True when a hash was made with less work than passwords get now: it is replaced at the next sign-in. */
export function hashNeedsUpgrade(hash: string): boolean {
  return bcrypt.getRounds(hash) < PASSWORD_HASH_COST;
}
