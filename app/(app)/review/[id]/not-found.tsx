import Link from "next/link";

export default function ReviewNotFound() {
  return (
    <section className="panel" role="alert">
      <h1>No such review</h1>
      <p>
        This review does not exist. <Link href="/review/history">See every team&apos;s reviews</Link>
      </p>
    </section>
  );
}
