"use client";

import { LoadFailure } from "@/components/layout/load-failure";

/** Shown when the API reference fails to load; the details went to the server log, not to the page. */
export default function ApiReferenceError({
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <LoadFailure title="The API reference could not be loaded" retry={retry} />;
}
