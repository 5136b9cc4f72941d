"use client";

import { useEffect, useRef, useState } from "react";

const RECHECK_MS = 5_000;

/**
 * What a screen shows when it failed to load. Server errors reach the browser without their details, so it
 * asks /api/health whether the database is the cause: then it says so, and loads the screen again by itself
 * as soon as the database answers. Any other failure offers to try again.
 */
export function LoadFailure({
  retry,
  title = "This screen could not be loaded",
  reassurance,
}: {
  retry: () => void;
  /** What failed, for a failure other than the database. */
  title?: string;
  reassurance?: string;
}) {
  const [databaseDown, setDatabaseDown] = useState(false);
  const retryRef = useRef(retry);
  useEffect(() => {
    retryRef.current = retry;
  }, [retry]);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function check(wasDown: boolean) {
      const status = await fetch("/api/health", { cache: "no-store" }).then((response) => response.status, () => 0);
      if (cancelled) return;
      if (status === 200) {
        if (wasDown) retryRef.current();
        return;
      }
      if (status === 503) setDatabaseDown(true);
      timer = setTimeout(() => void check(wasDown || status === 503), RECHECK_MS);
    }
    void check(false);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);

  if (databaseDown) {
    return (
      <section className="panel" role="alert">
        <h1>Tandem cannot reach its database at the moment</h1>
        <p>Everything you saved before is safe. This screen loads again by itself as soon as the database answers.</p>
      </section>
    );
  }
  return <ScreenLoadError title={title} reassurance={reassurance} retry={retry} />;
}

/** The panel of a screen that failed to load for a reason other than the database: what failed, and "Try again". */
export function ScreenLoadError({
  title,
  reassurance = "Nothing was changed.",
  retry,
}: {
  title: string;
  reassurance?: string;
  retry: () => void;
}) {
  return (
    <section className="panel" role="alert">
      <h1>{title}</h1>
      <p>Something went wrong on our side. {reassurance}</p>
      <button type="button" className="button button-secondary" onClick={retry}>
        Try again
      </button>
    </section>
  );
}
