"use client";

import styles from "../webhooks.module.css";

/** A signing secret, just made: the only time Tandem shows it. */
export function SecretShownOnce({ secret, onHide }: { secret: string; onHide: () => void }) {
  return (
    <div className={`notice notice-success ${styles.secret}`} role="status" data-testid="webhook-secret">
      <strong>Copy the signing secret now: it is not shown again.</strong>
      <code>{secret}</code>
      <span className="small">Give it to the receiver, which verifies each delivery with it (the standardwebhooks libraries take it as it is).</span>
      <div>
        <button type="button" className="button button-quiet" onClick={onHide}>
          I have copied it
        </button>
      </div>
    </div>
  );
}
