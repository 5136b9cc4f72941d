"use client";

import { ScreenLoadError } from "@/components/layout/load-failure";

/** Shown when an assets screen fails to load; the details went to the server log, not to the page. */
export default function AssetsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ScreenLoadError title="The assets could not be loaded" retry={reset} />;
}
