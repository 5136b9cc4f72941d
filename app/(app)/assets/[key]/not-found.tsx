import Link from "next/link";

export default function AssetNotFound() {
  return (
    <section className="panel" role="alert">
      <h1>No such asset</h1>
      <p>
        No asset has this key. It may have been mistyped. <Link href="/assets">Back to the assets</Link>
      </p>
    </section>
  );
}
