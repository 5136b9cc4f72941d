"use client";

import { LoadFailure } from "@/components/layout/load-failure";

/**
 * Shown when the ownership matrix fails to load; the details went to the server log, not to the page. When the database is the
 * cause it says so, and loads the screen again once it answers.
 */
export default function MatrixError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <LoadFailure title="The ownership matrix could not be loaded" retry={retry} />;
}
