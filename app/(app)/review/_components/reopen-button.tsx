"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";

/** For admins on a submitted review: back to a draft, so its manager can correct it and submit again. */
export function ReopenButton({ reviewId }: { reviewId: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function reopen() {
    setPending(true);
    const result = await postJson<{ reopenedAt: string }>(`/api/reviews/${reviewId}/reopen`, {}, "POST");
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    router.refresh();
  }
  return (
    <span className="page-actions">
      <button type="button" className="button button-secondary" onClick={reopen} disabled={pending}>
        {pending ? "Reopening…" : "Reopen review"}
      </button>
      <span aria-live="polite" className="form-error">
        {error}
      </span>
    </span>
  );
}
