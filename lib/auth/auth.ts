import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/client";
import { authConfig } from "./auth.config";
import { attemptSignIn } from "./credentials";

/** Thrown while an account or client is throttled; the code carries the wait so the form can say how long. */
export class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterMs: number) {
    super();
    this.code = `throttled-${Math.ceil(retryAfterMs / 60_000)}`;
  }
}

/**
 * The client's address as the proxy in front of the app reports it (the first X-Forwarded-For hop).
 * A client that forges the header escapes only the per-client limit; the per-account limit still holds.
 */
function clientAddressOf(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an everyday event that the sign-in form already explains, not a server error.
    error(error) {
      // By its type, not its name: class names are minified in the production build.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const outcome = await attemptSignIn(getPrisma(), credentials, clientAddressOf(request));
        if (outcome.kind === "throttled") throw new ThrottledSignIn(outcome.retryAfterMs);
        if (outcome.kind === "refused") return null;
        return { id: String(outcome.person.id), email: outcome.person.email, name: outcome.person.name };
      },
    }),
  ],
});
