import bcrypt from "bcryptjs";
import { getPrisma, type Db } from "@/lib/db/client";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "./demo-catalog";

const DEMO_SIGN_IN_EMAILS = DEMO_PEOPLE.filter((person) => person.role !== "none").map((person) => person.email);

// A stored hash either matches the public password or not, for ever: each distinct one is compared once per
// process (the demo's accounts share one), so the check costs one indexed query per screen, not a bcrypt.
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 1_000;

/**
 * The demo's accounts that still sign in with its public password (README, demo-password): anyone who can
 * reach the server can sign in as them, so every screen says so (and `npm start` in production warns) until
 * their passwords are changed or they are deactivated.
 */
export async function listDemoAccountsWithPublicPassword(db: Db = getPrisma()): Promise<string[]> {
  const people = await db.person.findMany({
    where: { email: { in: DEMO_SIGN_IN_EMAILS }, passwordHash: { not: null }, deactivatedAt: null, role: { not: "none" } },
    select: { email: true, passwordHash: true },
    orderBy: { email: "asc" },
  });
  const open: string[] = [];
  for (const { email, passwordHash } of people) {
    let verdict = verdicts.get(passwordHash!);
    if (verdict === undefined) {
      verdict = await bcrypt.compare(DEMO_PASSWORD, passwordHash!);
      if (verdicts.size < MAX_VERDICTS) verdicts.set(passwordHash!, verdict);
    }
    if (verdict) open.push(email);
  }
  return open;
}
