"use client";

import dynamic from "next/dynamic";
import type { oas31 } from "zod-openapi";

/**
 * Swagger UI is large and needs the browser: it is loaded only here, after the page, so no other screen carries
 * it and the server never renders it.
 */
const SwaggerReference = dynamic(
  () => import("./swagger-reference").then((module) => module.SwaggerReference),
  {
    ssr: false,
    loading: () => (
      <p className="muted" role="status">
        Loading the operations…
      </p>
    ),
  },
);

export function ApiReference({ document }: { document: oas31.OpenAPIObject }) {
  return <SwaggerReference document={document} />;
}
