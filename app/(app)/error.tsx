"use client";

import { LoadFailure } from "@/components/layout/load-failure";

/**
 * Shown when Home fails to load; the details went to the server log, not to the page. When the database is the
 * cause it says so, and loads the screen again once it answers.
 */
export default function HomeError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <LoadFailure title="Home could not be loaded" retry={retry} />;
}
