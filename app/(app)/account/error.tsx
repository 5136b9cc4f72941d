"use client";

import { LoadFailure } from "@/components/layout/load-failure";

/** Shown when the account page fails to load; the details went to the server log, not to the page. */
export default function AccountError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <LoadFailure title="Your account could not be loaded" retry={retry} />;
}
