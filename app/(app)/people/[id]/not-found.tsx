import Link from "next/link";

export default function PersonNotFound() {
  return (
    <section className="panel" role="alert">
      <h1>No such person</h1>
      <p>
        This person does not exist. <Link href="/people">Back to People & teams</Link>
      </p>
    </section>
  );
}
