/** Tandem's mark: two rings, marketing's and IT's, overlapping. */
export function BrandMark({ size }: { size: number }) {
  return (
    <svg aria-hidden="true" width={size} height={size} viewBox="0 0 32 32">
      <circle cx="12" cy="16" r="6.5" fill="none" stroke="var(--marketing)" strokeWidth="3" />
      <circle cx="20" cy="16" r="6.5" fill="none" stroke="var(--it)" strokeWidth="3" />
    </svg>
  );
}
