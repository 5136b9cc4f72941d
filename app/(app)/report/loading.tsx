export default function Loading() {
  return (
    <p className="muted" role="status">
      Computing the gap report…
    </p>
  );
}
