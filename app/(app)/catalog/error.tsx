"use client";

import { ScreenLoadError } from "@/components/layout/load-failure";

/** Shown when the catalog fails to load; the details went to the server log, not to the page. */
export default function CatalogError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ScreenLoadError title="The catalog could not be loaded" retry={reset} />;
}
