import "server-only";
import { AuthError } from "next-auth";
import { signIn, signOut } from "./auth";

/**
 * The browser's session cookie, set or cleared from a route handler after a write has committed.
 *
 * After a password change every session of the person has ended, this one included. This one is kept by
 * signing in again, on the server, with the new password: next-auth issues a new cookie (a new session id
 * and sign-in time, later than the change) exactly as the sign-in form would. Renewing the old cookie with
 * next-auth's `unstable_update` instead would have to trust the jwt callback's "update" trigger, which any
 * holder of a cookie can fire through `POST /api/auth/session`: a copy of a cookie ended by the change could
 * renew itself that way.
 */
export async function signInAgain(email: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return true;
  } catch (error) {
    // Refused or throttled (the person's other devices may be guessing): they sign in again themselves.
    if (error instanceof AuthError) return false;
    throw error;
  }
}

/** Clears this browser's cookie; next-auth's sign-out event revokes its session too (lib/auth/auth.ts). */
export async function clearSessionCookie(): Promise<void> {
  await signOut({ redirect: false });
}
