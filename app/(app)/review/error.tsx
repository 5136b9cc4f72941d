"use client";

import { LoadFailure } from "@/components/layout/load-failure";

/**
 * Shown when a review screen fails to load; the details went to the server log, not to the page. When the database is the
 * cause it says so, and loads the screen again once it answers.
 */
export default function ReviewError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <LoadFailure title="The review could not be loaded" reassurance="Your saved decisions are safe: each one was stored when you made it." retry={retry} />;
}
