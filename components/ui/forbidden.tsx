export function Forbidden({ what }: { what: string }) {
  return (
    <section className="panel" role="alert">
      <h1>Not allowed</h1>
      <p>{what} Ask an admin if you need access.</p>
    </section>
  );
}
