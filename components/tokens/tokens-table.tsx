"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";
import type { TokenStatus } from "@/lib/tokens/queries";
import type { TokenRowView } from "./token-rows";
import styles from "./tokens.module.css";

const STATUS_LABEL: Record<TokenStatus, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

/**
 * A list of tokens, revoked and expired ones included, so that whoever wonders why a script stopped can see it.
 * Revoking asks first, below the table (a confirmation inside a row would not fit a phone): anything using the
 * token is refused from then on, and it cannot be undone.
 */
export function TokensTable({ tokens, revokePath, kind }: { tokens: TokenRowView[]; revokePath: string; kind: "personal" | "service" }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<TokenRowView | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke(token: TokenRowView) {
    setPending(true);
    setError(null);
    const result = await postJson(`${revokePath}/${token.id}/revoke`, {});
    setPending(false);
    if (!result.ok) return setError(result.error);
    setConfirming(null);
    router.refresh();
  }

  if (tokens.length === 0) return <p className="muted">No tokens yet.</p>;
  const service = kind === "service";
  return (
    <>
      <div className="table-wrap">
        <table className={`data-table ${service ? styles.wideTable : styles.table}`} data-testid="tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Token</th>
              {service ? <th scope="col">Acts as</th> : null}
              {service ? <th scope="col">Made by</th> : null}
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td className={styles.shown}>{token.shown}</td>
                {service ? <td>{token.actsAs}</td> : null}
                {service ? <td>{token.madeBy}</td> : null}
                <td>{token.created}</td>
                <td>{token.expires}</td>
                <td>{token.lastUsed}</td>
                <td>
                  <span className={`status-chip ${styles[`status-${token.status}`]}`}>{STATUS_LABEL[token.status]}</span>
                </td>
                <td>
                  {token.status === "active" ? (
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={pending}
                      onClick={() => {
                        setError(null);
                        setConfirming(token);
                      }}
                      aria-label={`Revoke ${token.name}`}
                    >
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {confirming ? (
        <div className={styles.confirm} role="alertdialog" aria-labelledby="revoke-question" aria-describedby="revoke-consequence">
          <p id="revoke-question">
            <strong>
              Revoke &ldquo;{confirming.name}&rdquo; ({confirming.shown})?
            </strong>
          </p>
          <p id="revoke-consequence">Whatever uses it is refused from now on. This cannot be undone: make a new token to replace it.</p>
          <div aria-live="polite" className="form-error">
            {error}
          </div>
          <div className="page-actions">
            <button type="button" className="button button-danger" onClick={() => revoke(confirming)} disabled={pending} autoFocus>
              {pending ? "Revoking…" : "Yes, revoke it"}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(null)} disabled={pending}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
