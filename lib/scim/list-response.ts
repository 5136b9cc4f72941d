import { SCHEMA } from "./protocol";
import type { ScimListQuery } from "./schemas";

/** The most resources one page of a list holds; ServiceProviderConfig says so to the provider. */
export const MAX_PAGE_SIZE = 200;

/**
 * A page of a list (RFC 7644 section 3.4.2.4): `startIndex` counts from 1 and a smaller one means 1; `count`
 * below 0 means 0, and above the page size is cut to it. An empty list is a 200 with no Resources, never a
 * 404: Okta and Entra ID create the user they looked for when its filter matches nobody.
 */
export function listResponse<Resource>(
  resources: Resource[],
  query: Pick<ScimListQuery, "startIndex" | "count">,
) {
  const startIndex = Math.max(1, query.startIndex ?? 1);
  const count = Math.min(MAX_PAGE_SIZE, Math.max(0, query.count ?? MAX_PAGE_SIZE));
  const page = resources.slice(startIndex - 1, startIndex - 1 + count);
  return {
    schemas: [SCHEMA.listResponse],
    totalResults: resources.length,
    startIndex,
    itemsPerPage: page.length,
    Resources: page,
  };
}

/** `excludedAttributes=members`, as Entra ID asks when it only checks that a group exists. */
export const excludes = (excludedAttributes: string | undefined, attribute: string) =>
  (excludedAttributes ?? "").split(",").some((name) => name.trim().toLowerCase() === attribute);
