"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "@/components/people/people.module.css";
import { postJson } from "@/lib/api/post-json";

/** Deactivate (after an explicit confirmation) or reactivate a person; the page reloads its figures after. */
export function StatusActions({ personId, name, left }: { personId: number; name: string; left: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(action: "deactivate" | "reactivate") {
    setPending(true);
    setError(null);
    const result = await postJson(`/api/people/${personId}/${action}`, {});
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setConfirming(false);
    router.refresh();
  }

  // An alert inserted into the page is announced; nothing is rendered while there is nothing to say.
  const message = error ? (
    <p className={styles.actionError} role="alert">
      {error}
    </p>
  ) : null;
  if (left) {
    return (
      <div className={styles.statusActions}>
        <button
          type="button"
          className="button button-secondary"
          disabled={pending}
          onClick={() => send("reactivate")}
        >
          {pending ? "Reactivating…" : "Reactivate"}
        </button>
        {message}
      </div>
    );
  }
  if (!confirming) {
    return (
      <div className={styles.statusActions}>
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          Deactivate…
        </button>
        {message}
      </div>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-label={`Deactivate ${name}`}>
      <p>
        Mark <strong>{name}</strong> as left today? Nothing is deleted: the cells where they hold A or R will
        show as departed-owner gaps until someone takes them over, and they can no longer sign in.
      </p>
      <div className="page-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={pending}
          onClick={() => send("deactivate")}
        >
          {pending ? "Deactivating…" : "Deactivate"}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={pending}
          onClick={() => setConfirming(false)}
        >
          Cancel
        </button>
      </div>
      {message}
    </div>
  );
}
