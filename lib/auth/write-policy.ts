import type { PolicyUser, RoleRule } from "./policy";
import type { Prisma } from "@/lib/db/generated/client";
import { ensureAllowed } from "@/lib/errors";

export type Tx = Prisma.TransactionClient;

export interface PolicyContext<Input, Params> {
  user: PolicyUser;
  input: Input;
  params: Params;
  tx: Tx;
}

/**
 * A rule of DESIGN.md section 5 that depends on data: which cell, whose review. `role` is checked first, on
 * the person alone, before the request's body is read. `authorize` then runs first in the write's
 * transaction: it loads and locks what the write is about, throws AppError "forbidden" (or "not-found")
 * when the person may not touch it, and returns it, so the handler writes on exactly what was authorized.
 */
export interface DataPolicy<Subject, Params, Input = unknown> {
  role: RoleRule;
  authorize: (context: PolicyContext<Input, Params>) => Promise<Subject>;
}

/** What every write declares: a rule on the person alone, or a rule on the data too. */
export type WritePolicy<Subject, Params, Input> = RoleRule | DataPolicy<Subject, Params, Input>;

function isDataPolicy<Subject, Params, Input>(policy: WritePolicy<Subject, Params, Input>): policy is DataPolicy<Subject, Params, Input> {
  return "authorize" in policy;
}

/** The first half of a policy: refuses with 403 a person whose role may never do this. */
export function ensureRoleAllowed(policy: RoleRule | { role: RoleRule }, user: PolicyUser): void {
  const rule = "role" in policy ? policy.role : policy;
  ensureAllowed(rule.allows(user), rule.refusal);
}

/** The second half, inside the transaction: what a data rule loaded and allowed, nothing for a role rule. */
export async function authorizeWrite<Subject, Params, Input>(
  policy: WritePolicy<Subject, Params, Input>,
  context: PolicyContext<Input, Params>,
): Promise<Subject | undefined> {
  return isDataPolicy(policy) ? policy.authorize(context) : undefined;
}
