import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listApiRoutes } from "@/tools/testing/api-v1";
import { checkSource } from "@/tools/testing/authorization-paths";
import { openApiDocument } from "./openapi";

/**
 * Issue 17, item 3: the OpenAPI document describes exactly what /api/v1 serves. Every method exported by a route
 * file under app/api/v1 is an operation of the document, and every operation of the document is served. (That
 * each answer validates against it is api.int.test.ts's part.)
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["get", "post", "put", "patch", "delete"];

describe("the OpenAPI document of /api/v1", () => {
  it("has an operation for every route and method served, and nothing else", () => {
    const served = listApiRoutes().flatMap((route) =>
      checkSource(path.relative(ROOT, route.file), readFileSync(route.file, "utf8")).map((entry) => `${entry.name} ${route.template}`),
    );
    const documented = Object.entries(openApiDocument().paths ?? {}).flatMap(([template, item]) =>
      Object.keys(item ?? {})
        .filter((method) => METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(served.length).toBeGreaterThanOrEqual(25);
    expect(documented.sort()).toEqual(served.sort());
  });

  it("is OpenAPI 3.1 with the token as its security scheme and every schema it names defined", () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    const text = JSON.stringify(document);
    const referenced = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!));
    expect([...referenced].filter((name) => !document.components?.schemas?.[name])).toEqual([]);
  });
});
