"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";

/** "Mark all read": every unread message of the person, then the page and the bell again. */
export function MarkAllRead() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function markAll() {
    setPending(true);
    setError(null);
    const result = await postJson("/api/notifications/read-all", {});
    setPending(false);
    if (result.ok) router.refresh();
    else setError(result.error);
  }

  return (
    <div className="page-actions">
      <button type="button" className="button button-secondary" disabled={pending} onClick={markAll}>
        {pending ? "Marking…" : "Mark all read"}
      </button>
      <span className="form-error" role={error ? "alert" : undefined}>
        {error}
      </span>
    </div>
  );
}
