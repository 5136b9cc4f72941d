import Link from "next/link";

/** Said plainly on every screen that does not exist yet: no mock figures stand in for real ones. */
export function NotBuiltYet({ title, description }: { title: string; description: string }) {
  return (
    <>
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <section className="panel not-built" aria-labelledby="not-built-heading">
        <h2 id="not-built-heading">Not built yet</h2>
        <p>{description}</p>
        <p>
          This screen is not available in this version of Tandem. <Link href="/">Back to Home</Link>
        </p>
      </section>
    </>
  );
}
