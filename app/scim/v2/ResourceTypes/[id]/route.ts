import { readRoute } from "@/lib/api/read-route";
import { catalogEditors } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { findResourceType } from "@/lib/scim/discovery";
import { scimJson } from "@/lib/scim/protocol";
import { scimNoQuery } from "@/lib/scim/schemas";

export const GET = readRoute<typeof scimNoQuery, { id: string }>({
  query: scimNoQuery,
  policy: catalogEditors,
  handle: async ({ params }) => {
    const resourceType = findResourceType(params.id);
    if (!resourceType)
      throw new AppError("not-found", `There is no resource type "${params.id}": Tandem has User and Group.`);
    return scimJson(resourceType);
  },
});
