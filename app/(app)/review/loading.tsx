export default function Loading() {
  return (
    <p className="muted" role="status">
      Loading the review and its cells…
    </p>
  );
}
