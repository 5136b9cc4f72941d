import { writeRoute } from "@/lib/api/write-route";
import { refineNewPassword } from "@/lib/auth/password-policy";
import { catalogEditors } from "@/lib/auth/policy";
import { createPerson } from "@/lib/people/actions";
import { createPersonSchema } from "@/lib/people/schemas";

export const POST = writeRoute({
  // The password rules of lib/auth (72 bytes at most, no common password) on top of the person's fields.
  schema: createPersonSchema.superRefine(refineNewPassword),
  policy: catalogEditors,
  handle: ({ tx, user, input }) => createPerson(tx, user, input),
});
