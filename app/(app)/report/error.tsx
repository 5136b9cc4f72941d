"use client";

import { ScreenLoadError } from "@/components/layout/load-failure";

/** Shown when the report fails to load; the details went to the server log, not to the page. */
export default function ReportError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ScreenLoadError title="The gap report could not be loaded" retry={reset} />;
}
