import { ensureRoleAllowed, type DataPolicy, type PolicyContext } from "@/lib/auth/write-policy";

/**
 * A data policy applied as the write wrapper applies it (the role first, then the rule on the data, in the
 * caller's transaction), for tests that call a domain write without going through its route.
 */
export async function authorizeAs<Subject, Params>(policy: DataPolicy<Subject, Params>, context: PolicyContext<unknown, Params>): Promise<Subject> {
  ensureRoleAllowed(policy, context.user);
  return policy.authorize(context);
}
