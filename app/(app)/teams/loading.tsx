export default function Loading() {
  return (
    <p className="muted" role="status">
      Loading the team and its cells…
    </p>
  );
}
