import type { Route } from "next";
import Link from "next/link";

/** What a `not-found.tsx` shows: which thing is missing, maybe why, and the way back to where such things are listed. */
export function NotFoundPanel({
  title,
  back,
  children,
}: {
  title: string;
  back: { href: Route; label: string };
  children: React.ReactNode;
}) {
  return (
    <section className="panel" role="alert">
      <h1>{title}</h1>
      <p>
        {children} <Link href={back.href}>{back.label}</Link>
      </p>
    </section>
  );
}
