export default function Loading() {
  return (
    <p className="muted" role="status">
      Loading the ownership matrix…
    </p>
  );
}
