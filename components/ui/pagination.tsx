import Link from "next/link";

/**
 * Server-side pagination links that keep every other query parameter, so a filtered,
 * sorted list can be paged and shared as a link.
 */
export function Pagination({
  basePath,
  searchParams,
  page,
  pageSize,
  total,
  fragment,
  unit,
}: {
  basePath: string;
  searchParams: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
  /** An element id the links scroll to, for a list that sits below the top of its page. */
  fragment?: string;
  /** What is counted, when the count alone would be ambiguous ("1–30 of 45 assets"). */
  unit?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(searchParams)) if (value) params.set(key, value);
    if (target > 1) params.set("page", String(target));
    else params.delete("page");
    const query = params.toString();
    return `${query ? `${basePath}?${query}` : basePath}${fragment ? `#${fragment}` : ""}`;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pages">
      <span className="muted">
        {first}–{last} of {total}
        {unit ? ` ${unit}` : ""}
      </span>
      {page > 1 ? (
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- paths are built at run time
        <Link href={hrefFor(page - 1) as any} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span aria-disabled="true" className="muted">← Previous</span>
      )}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- paths are built at run time
        <Link href={hrefFor(page + 1) as any} rel="next">
          Next →
        </Link>
      ) : (
        <span aria-disabled="true" className="muted">Next →</span>
      )}
    </nav>
  );
}
