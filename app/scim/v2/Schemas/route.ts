import { readRoute } from "@/lib/api/read-route";
import { catalogEditors } from "@/lib/auth/policy";
import { listSchemas } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/protocol";
import { scimNoQuery } from "@/lib/scim/schemas";

export const GET = readRoute({
  query: scimNoQuery,
  policy: catalogEditors,
  handle: async () => scimJson(listSchemas()),
});
