import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth.config";

/**
 * Optimistic only: sends signed-out visitors to sign-in (pages) or answers 401 (API) before any work.
 * The real checks happen on the server in every page, action and route.
 */
export default NextAuth(authConfig).auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
