/**
 * The few options of Swagger UI's prebuilt bundle that the API reference uses (swagger-ui-dist ships no types, and
 * @types/swagger-ui-dist describes version 3). The full list: https://swagger.io/docs/open-source-tools/swagger-ui/usage/configuration/
 */
declare module "swagger-ui-dist/swagger-ui-es-bundle.js" {
  interface SwaggerUIOptions {
    domNode: HTMLElement;
    spec: object;
    docExpansion?: "list" | "full" | "none";
    defaultModelsExpandDepth?: number;
    deepLinking?: boolean;
    persistAuthorization?: boolean;
    queryConfigEnabled?: boolean;
    displayRequestDuration?: boolean;
  }
  export default function SwaggerUI(options: SwaggerUIOptions): unknown;
}
