"use client";

import { LoadFailure } from "@/components/layout/load-failure";

/**
 * The boundary of every screen without one of its own, and of the signed-in layout itself, which reads the
 * person from the database before any screen renders. The details went to the server log.
 */
export default function RootError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="auth-page">
      <LoadFailure retry={retry} />
    </main>
  );
}
