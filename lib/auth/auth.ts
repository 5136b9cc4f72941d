import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/client";
import { authConfig } from "./auth.config";
import { verifyCredentials } from "./credentials";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an everyday event that the sign-in form already explains, not a server error.
    error(error) {
      if (error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const person = await verifyCredentials(getPrisma(), credentials);
        return person ? { id: String(person.id), email: person.email, name: person.name } : null;
      },
    }),
  ],
});
