import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null };
    /** Set at sign-in and kept through every refresh of the cookie; signing out revokes it. */
    sessionId?: string;
    /** When the person signed in (seconds since the epoch): the session ends a week later at the latest. */
    signedInAt?: number;
  }
}
