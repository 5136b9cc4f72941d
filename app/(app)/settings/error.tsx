"use client";

import { LoadFailure } from "@/components/layout/load-failure";

/**
 * Shown when a settings screen fails to load; the details went to the server log, not to the page. When the database is the
 * cause it says so, and loads the screen again once it answers.
 */
export default function SettingsError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <LoadFailure title="The settings could not be loaded" retry={retry} />;
}
