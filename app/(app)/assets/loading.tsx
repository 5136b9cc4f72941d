export default function Loading() {
  return (
    <p className="muted" role="status">
      Loading assets and their coverage…
    </p>
  );
}
