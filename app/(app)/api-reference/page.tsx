import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/config/public-origin";
import { openApiDocument } from "@/lib/public-api/openapi";
import { ApiReference } from "./_components/api-reference";
import { groupOperationsByResource } from "./_components/group-operations";
import styles from "./api-reference.module.css";

export const metadata: Metadata = { title: "API reference" };

/**
 * How other systems talk to Tandem: getting a token, the base URL, one call, then the reference rendered from the
 * same OpenAPI document /api/v1/openapi.json serves. The document goes down as a prop, so the browser fetches nothing.
 */
export default async function ApiReferencePage() {
  await requireUser();
  const baseUrl = `${publicOrigin()}/api/v1`;
  return (
    <>
      <header className="page-header">
        <h1>API reference</h1>
        <p className="page-lede">
          Other systems read and change Tandem through its REST API, with the same rules and audit trail as
          these screens.
        </p>
      </header>
      <section className={`panel ${styles.intro}`} aria-labelledby="api-start-heading">
        <h2 id="api-start-heading">Getting started</h2>
        <ol className={styles.steps}>
          <li>
            <strong>Get a token.</strong> A personal token acts as you, with your role: My account → Tokens.
            Admins make service tokens with a role of their own in Settings → Service tokens. On the server,{" "}
            <code>npm run token:create -- --email you@example.org --name script</code> prints one. A token is
            shown once; keep it like a password.
          </li>
          <li>
            <strong>Call the API</strong> at <code>{baseUrl}</code> with the token in the{" "}
            <code>Authorization</code> header:
            <pre className={styles.example}>
              <code>{`curl -H "Authorization: Bearer tdm_..." "${baseUrl}/assets?limit=10"`}</code>
            </pre>
          </li>
          <li>
            <strong>Read the contract</strong> below, or give{" "}
            <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1) to your client generator.
            &ldquo;Try it out&rdquo; sends the request from this browser as you, or with a token entered under
            &ldquo;Authorize&rdquo;.
          </li>
        </ol>
      </section>
      <section className={styles.reference} aria-label="Operations">
        <ApiReference document={groupOperationsByResource(openApiDocument())} />
      </section>
    </>
  );
}
