export default function Loading() {
  return (
    <p className="muted" role="status">
      Loading today&apos;s coverage and gaps…
    </p>
  );
}
