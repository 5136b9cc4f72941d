import { openApiDocument } from "@/lib/public-api/openapi";

/** The OpenAPI document of /api/v1: public, like any API's reference; it describes the API and holds no data. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
