/** The names SCIM 2.0 fixes (RFC 7643, RFC 7644), in one place for the resources, the errors and the routes. */

/** Where the SCIM routes live; the caller wrapper (lib/api/caller.ts) lets only a SCIM token in there. */
export const SCIM_PREFIX = "/scim/v2/";
export const isScimPath = (pathname: string) => pathname.startsWith(SCIM_PREFIX);

export const SCIM_CONTENT_TYPE = "application/scim+json";

export const SCHEMA = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  /** Tandem's extension of a group: the team's function (marketing, it or other). */
  tandemGroup: "urn:ietf:params:scim:schemas:extension:tandem:2.0:Group",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  serviceProviderConfig: "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig",
  resourceType: "urn:ietf:params:scim:schemas:core:2.0:ResourceType",
  schema: "urn:ietf:params:scim:schemas:core:2.0:Schema",
} as const;

/** A SCIM answer: the resource as `application/scim+json`. */
export const scimJson = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": SCIM_CONTENT_TYPE } });
