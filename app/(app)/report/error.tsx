"use client";

/** Shown when the report fails to load; the details went to the server log, not to the page. */
export default function ReportError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="panel" role="alert">
      <h1>The gap report could not be loaded</h1>
      <p>Something went wrong on our side. Nothing was changed.</p>
      <button type="button" className="button button-secondary" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
