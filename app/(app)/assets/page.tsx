import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listAssetFilterOptions, listAssets } from "@/lib/catalog/asset-queries";
import { hasFilters, parseAssetListParams, toAssetListQuery, withKnownOptions, type RawSearchParams } from "@/lib/catalog/asset-list-params";
import { AssetFilters } from "./_components/asset-filters";
import { AssetTable } from "./_components/asset-table";
import styles from "./assets.module.css";

export const metadata: Metadata = { title: "Assets" };

export default async function AssetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [user, raw, options] = await Promise.all([requireUser(), searchParams, listAssetFilterOptions()]);
  const params = withKnownOptions(parseAssetListParams(raw), {
    kindKeys: options.kinds.map((kind) => kind.key),
    teamIds: options.teams.map((team) => team.id),
  });
  const list = await listAssets(params);
  const shown = { ...params, page: list.page };
  return (
    <>
      <header className="page-header page-header-row">
        <div>
          <h1>Assets</h1>
          <p className="page-lede">The organisation&apos;s digital assets, with how well their concerns are owned today.</p>
        </div>
        {canEditCatalog(user) ? (
          <div className="page-actions">
            <Link href="/assets/new" className={`button button-primary ${styles.linkButton}`}>
              New asset
            </Link>
          </div>
        ) : null}
      </header>
      <section className="panel" aria-label="Assets">
        <AssetFilters params={params} options={options} />
        {list.total === 0 ? (
          <p className={`muted ${styles.empty}`} data-testid="no-assets">
            {hasFilters(params) ? "No asset matches these filters." : "There are no assets yet."}
          </p>
        ) : (
          <>
            <AssetTable rows={list.rows} params={shown} />
            <Pagination basePath="/assets" searchParams={toAssetListQuery(shown, { page: 1 })} page={list.page} pageSize={list.size} total={list.total} />
          </>
        )}
      </section>
    </>
  );
}
