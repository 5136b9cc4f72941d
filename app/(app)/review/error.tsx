"use client";

/** Shown when a review screen fails to load; the details went to the server log, not to the page. */
export default function ReviewError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="panel" role="alert">
      <h1>The review could not be loaded</h1>
      <p>Something went wrong on our side. Your saved decisions are safe: each one was stored when you made it.</p>
      <button type="button" className="button button-secondary" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
