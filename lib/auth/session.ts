import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/client";
import { auth } from "./auth";

export type Role = "admin" | "manager" | "viewer";

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  teamId: number | null;
  teamName: string | null;
  teamFunction: "marketing" | "it" | "other" | null;
}

/**
 * The signed-in person, read from the database on every request (once per request, thanks to
 * `cache`): a deactivated person or a changed role takes effect at once, whatever the session cookie says.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const person = await getPrisma().person.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true, team: { select: { id: true, name: true, function: true } } },
  });
  if (!person || person.deactivatedAt || person.role === "none") return null;
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    role: person.role,
    teamId: person.team?.id ?? null,
    teamName: person.team?.name ?? null,
    teamFunction: person.team?.function ?? null,
  };
});

/** For pages and server actions: the signed-in person, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
