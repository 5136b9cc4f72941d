"use client";

import { LoadFailure } from "@/components/layout/load-failure";

/** Shown when the inbox fails to load; the details went to the server log, not to the page. */
export default function InboxError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <LoadFailure title="Your inbox could not be loaded" retry={retry} />;
}
