import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "@/lib/db/client";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});

/** Compared against when the account does not exist, so a wrong email takes as long as a wrong password. */
const NO_SUCH_ACCOUNT_HASH = bcrypt.hashSync("no such account", 10);

export interface AuthenticatedPerson {
  id: number;
  email: string;
  name: string;
}

/**
 * Checks an email and password. Only active people with a role that may sign in (admin, manager,
 * viewer) and a password get through; the answer never says which check failed.
 */
export async function verifyCredentials(prisma: Db, input: unknown): Promise<AuthenticatedPerson | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const person = await prisma.person.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, deactivatedAt: true },
  });
  const passwordMatches = await bcrypt.compare(parsed.data.password, person?.passwordHash ?? NO_SUCH_ACCOUNT_HASH);
  if (!person || !passwordMatches || person.deactivatedAt || person.role === "none") return null;
  return { id: person.id, email: person.email, name: person.name };
}
