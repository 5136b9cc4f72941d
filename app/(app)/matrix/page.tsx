import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { parsePage } from "@/lib/validation/page-number";
import { requireUser } from "@/lib/auth/session";
import { loadMatrix } from "@/lib/ownership/matrix";
import { parseMatrixFilters } from "@/lib/ownership/matrix-filters";
import { CellPanel } from "./_components/cell-panel";
import { MatrixFiltersForm } from "./_components/matrix-filters-form";
import { MatrixGrid } from "./_components/matrix-grid";
import { MatrixLegend } from "./_components/matrix-legend";

export const metadata: Metadata = { title: "Ownership matrix" };

export default async function MatrixPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const filters = parseMatrixFilters(params);
  const page = parsePage(params.page);
  const matrix = await loadMatrix(filters, page);
  const { asset, concern, ...listFilters } = filters;
  const keep = Object.fromEntries(Object.entries({ ...listFilters, page: page > 1 ? String(page) : undefined }).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
  return (
    <>
      <header className="page-header">
        <h1>Ownership matrix</h1>
        <p className="page-lede">Every asset × concern cell, coloured by its state. Select a cell to see and change who holds it.</p>
      </header>
      <MatrixFiltersForm filters={filters} kinds={matrix.kinds} teams={matrix.teams} />
      <MatrixLegend />
      <div className="matrix-layout">
        <section aria-label="Matrix" className="panel matrix-panel">
          <MatrixGrid matrix={matrix} selected={{ asset, concern }} keep={keep} />
          <Pagination basePath="/matrix" searchParams={keep} page={page} pageSize={matrix.pageSize} total={matrix.totalAssets} />
        </section>
        {asset && concern ? <CellPanel user={user} assetKey={asset} concernKey={concern} closeHref={hrefWith(keep, {})} /> : null}
      </div>
    </>
  );
}

function hrefWith(keep: Record<string, string | undefined>, extra: Record<string, string>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...keep, ...extra })) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/matrix?${text}` : "/matrix";
}
