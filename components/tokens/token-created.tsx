import { CopyableValue } from "@/components/ui/copyable-value";
import { formatDayTime } from "@/lib/catalog/format";
import type { IssuedToken } from "@/lib/tokens/tokens";
import styles from "./tokens.module.css";

/**
 * The one showing of a new token: Tandem keeps only its hash, so once this panel is closed (or the page left)
 * nobody can read it again. A ready command shows how a script sends it; a SCIM token's shows the base URL the
 * identity provider is given with it.
 */
export function TokenCreated({ issued, origin, timeZone, onDone }: { issued: IssuedToken; origin: string; timeZone: string; onDone: () => void }) {
  const example = `curl -H "Authorization: Bearer ${issued.token}" ${origin}${issued.scim ? "/scim/v2/ServiceProviderConfig" : "/api/v1/assets"}`;
  return (
    <section className={styles.created} aria-labelledby="token-created-heading" data-testid="token-created">
      <h3 id="token-created-heading">&ldquo;{issued.name}&rdquo; is ready</h3>
      <p className="notice notice-warning" role="alert">
        <strong>Copy it now: it will not be shown again.</strong> Keep it where secrets belong (a password manager, your CI&rsquo;s secrets), never in code.
      </p>
      <CopyableValue value={issued.token} label={`The token ${issued.name}`} />
      <p className="small">{issued.expiresAt ? `It works until ${formatDayTime(new Date(issued.expiresAt), timeZone)}.` : "It works until it is revoked."} Try it:</p>
      {issued.scim ? (
        <p className="small">
          In the identity provider, the SCIM base URL (Okta&rsquo;s connector base URL, Entra ID&rsquo;s tenant URL) is <code>{origin}/scim/v2</code>.
        </p>
      ) : null}
      <pre className={styles.example} data-testid="token-example">
        <code>{example}</code>
      </pre>
      <div>
        <button type="button" className="button button-secondary" onClick={onDone}>
          Done, I have copied it
        </button>
      </div>
    </section>
  );
}
