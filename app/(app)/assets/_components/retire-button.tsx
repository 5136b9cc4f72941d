"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";
import styles from "../assets.module.css";

/** Retiring asks first: the asset's cells leave every figure, though its owners and history stay. */
export function RetireButton({ assetKey, assetName }: { assetKey: string; assetName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!confirming) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
        Retire
      </button>
    );
  }

  async function retire() {
    setPending(true);
    const result = await postJson(`/api/assets/${encodeURIComponent(assetKey)}/retire`, {});
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setConfirming(false);
    router.refresh();
  }

  return (
    <div className={styles.confirm} role="alertdialog" aria-labelledby="retire-question" aria-describedby="retire-consequence">
      <p id="retire-question">
        <strong>Retire {assetName}?</strong>
      </p>
      <p id="retire-consequence">
        Its cells leave scope and stop counting in coverage, gaps and reviews. Its owners and history are kept.
      </p>
      <div aria-live="polite" className="form-error">
        {error}
      </div>
      <div className="page-actions">
        <button type="button" className="button button-danger" onClick={retire} disabled={pending} autoFocus>
          {pending ? "Retiring…" : "Yes, retire it"}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </button>
      </div>
    </div>
  );
}
