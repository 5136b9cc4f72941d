import type { oas31 } from "zod-openapi";

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

/**
 * The document with each operation tagged by its path's first segment (`/cells/{assetKey}/{concernKey}` -> "cells",
 * `/report.csv` -> "report"), so the reference shows one section per resource instead of one untagged list.
 * A copy for display only: the served document stays as the routes are generated from.
 */
export function groupOperationsByResource(document: oas31.OpenAPIObject): oas31.OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).map(([path, item]) => {
      const tag = path.split("/")[1]?.replace(/\.\w+$/, "") ?? "";
      const tagged: oas31.PathItemObject = { ...item };
      for (const method of METHODS) {
        const operation = item[method];
        if (operation) tagged[method] = { ...operation, tags: operation.tags ?? [tag] };
      }
      return [path, tagged];
    }),
  );
  return { ...document, paths };
}
