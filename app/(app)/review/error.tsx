"use client";

import { ScreenLoadError } from "@/components/layout/load-failure";

/** Shown when a review screen fails to load; the details went to the server log, not to the page. */
export default function ReviewError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ScreenLoadError title="The review could not be loaded" reassurance="Your saved decisions are safe: each one was stored when you made it." retry={reset} />;
}
