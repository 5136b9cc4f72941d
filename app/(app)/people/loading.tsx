export default function Loading() {
  return (
    <p className="muted" role="status">
      Loading people and their cells…
    </p>
  );
}
