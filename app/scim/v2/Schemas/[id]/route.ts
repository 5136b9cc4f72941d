import { readRoute } from "@/lib/api/read-route";
import { catalogEditors } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { findSchema } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/protocol";
import { scimNoQuery } from "@/lib/scim/schemas";

export const GET = readRoute<typeof scimNoQuery, { id: string }>({
  query: scimNoQuery,
  policy: catalogEditors,
  handle: async ({ params }) => {
    const schema = findSchema(params.id);
    if (!schema) throw new AppError("not-found", `There is no schema "${params.id}".`);
    return scimJson(schema);
  },
});
