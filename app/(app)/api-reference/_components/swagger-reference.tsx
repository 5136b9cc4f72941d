"use client";

import { useEffect, useRef } from "react";
// The prebuilt bundle, not swagger-ui-react: Turbopack drops the side-effect modules that give swagger-client's
// OpenAPI 3.1 elements their `refract`, so every operation would spin forever (vercel/next.js#86507).
import SwaggerUI from "swagger-ui-dist/swagger-ui-es-bundle.js";
import "swagger-ui-dist/swagger-ui.css";
import type { oas31 } from "zod-openapi";
import "./swagger-theme.css";

/**
 * The reference itself, rendered by Swagger UI into a node of its own. Requests from "Try it out" go to this
 * origin's /api/v1 (the document's relative server), as the signed-in person or with the token typed under
 * "Authorize"; that token stays in memory (persistAuthorization off), never in localStorage. queryConfigEnabled
 * stays off, so no `?url=` can make the page load another document.
 */
export function SwaggerReference({ document }: { document: oas31.OpenAPIObject }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A fresh node per mount: Swagger UI cannot be unmounted, and React's development double mount must not
    // render it twice into one node.
    const node = window.document.createElement("div");
    container.current?.append(node);
    SwaggerUI({
      domNode: node,
      spec: document,
      docExpansion: "list",
      defaultModelsExpandDepth: -1,
      deepLinking: true,
      persistAuthorization: false,
      queryConfigEnabled: false,
      displayRequestDuration: true,
    });
    return () => node.remove();
  }, [document]);
  return <div className="api-reference" ref={container} />;
}
