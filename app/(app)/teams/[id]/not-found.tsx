import Link from "next/link";

export default function TeamNotFound() {
  return (
    <section className="panel" role="alert">
      <h1>No such team</h1>
      <p>
        This team does not exist. <Link href="/people">Back to People & teams</Link>
      </p>
    </section>
  );
}
