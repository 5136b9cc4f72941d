export default function Loading() {
  return (
    <p className="muted" role="status">
      Loading the API reference…
    </p>
  );
}
