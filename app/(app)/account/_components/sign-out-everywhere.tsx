"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";
import styles from "../account.module.css";

/** Ends every session of the person, this one included, after an explicit confirmation; then sign-in. */
export function SignOutEverywhere() {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOutEverywhere() {
    setPending(true);
    setError(null);
    const result = await postJson("/api/me/sign-out-everywhere", {});
    if (result.ok) {
      // Replaced, not pushed: "Back" must not lead to a page of the session that just ended.
      router.replace("/sign-in?notice=signed-out-everywhere");
      return;
    }
    setPending(false);
    setError(result.error);
  }

  const message = error ? <p className="form-error" role="alert">{error}</p> : null;
  if (!confirming) {
    return (
      <>
        <p className="muted">Signed in on a computer you no longer use, or lost a phone? End every session of your account.</p>
        <div className="page-actions">
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            Sign out everywhere…
          </button>
        </div>
        {message}
      </>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-label="Sign out everywhere">
      <p>
        End every session of your account, on every device, <strong>this one included</strong>? You will need your
        password (or single sign-on) to come back.
      </p>
      <div className="page-actions">
        <button type="button" className="button button-danger" disabled={pending} onClick={signOutEverywhere}>
          {pending ? "Signing out…" : "Sign out everywhere"}
        </button>
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
      {message}
    </div>
  );
}
