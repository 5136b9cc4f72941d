import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { RoleRule } from "@/lib/auth/policy";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { parseInput } from "./parse-input";
import { ensureRoleAllowed } from "@/lib/auth/write-policy";

/**
 * The one path every server action takes, like a route's: session -> policy -> input schema -> handler.
 * Without a session it sends the browser to sign-in, as a page does; a refusal throws the AppError, which
 * the segment's error boundary shows. Sign-in itself is the one action without it (it is what a visitor
 * without a session does); the enumeration test in lib/api/authorization-paths.test.ts holds that list.
 */

export interface ActionDefinition<Schema extends z.ZodType, Data> {
  schema: Schema;
  policy: RoleRule;
  handle: (context: { user: CurrentUser; input: z.output<Schema> }) => Promise<Data>;
}

export function serverAction<Schema extends z.ZodType, Data>(action: ActionDefinition<Schema, Data>) {
  return async (input: unknown): Promise<Data> => {
    const user = await getCurrentUser();
    if (!user) redirect("/sign-in");
    ensureRoleAllowed(action.policy, user);
    return action.handle({ user, input: parseInput(action.schema, input) });
  };
}
