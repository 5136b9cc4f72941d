import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPercent } from "@/components/ui/coverage-bar";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getAssetDetail } from "@/lib/catalog/asset-detail";
import { getAssetName } from "@/lib/catalog/asset-queries";
import { formatDay } from "@/lib/catalog/format";
import { CriticalityPill, LifecycleLabel } from "../_components/asset-labels";
import styles from "../assets.module.css";
import { AssetCellsTable } from "../_components/asset-cells-table";
import { AssetHistory } from "../_components/asset-history";
import { RetireButton } from "../_components/retire-button";

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  return { title: (await getAssetName((await params).key)) ?? "Asset" };
}

export default async function AssetPage({ params }: { params: Promise<{ key: string }> }) {
  const [user, { key }] = await Promise.all([requireUser(), params]);
  const detail = await getAssetDetail(key);
  if (!detail) notFound();
  const { asset, coverage, timeZone } = detail;
  const retired = asset.lifecycle === "retired";
  const canEdit = canEditCatalog(user);

  return (
    <>
      <header className="page-header">
        <p className="muted">
          <Link href="/assets">Assets</Link> / <span className={styles.key}>{asset.key}</span>
        </p>
        <div className="page-header-row">
          <h1>{asset.name}</h1>
          {canEdit ? (
            <div className="page-actions">
              <Link href={`/assets/${asset.key}/edit` as Route} className={`button button-secondary ${styles.linkButton}`}>
                Edit
              </Link>
              {retired ? null : <RetireButton assetKey={asset.key} assetName={asset.name} />}
            </div>
          ) : null}
        </div>
      </header>

      {retired ? (
        <div className="notice notice-warning" role="status" data-testid="retired-notice">
          <strong>Retired on {formatDay(asset.retiredAt, timeZone)}.</strong> Its cells are out of scope: they count in no
          coverage, gap or review. Their owners and history are kept below.
        </div>
      ) : null}

      <section className="panel" aria-label="About this asset">
        <dl className={styles.facts}>
          <div>
            <dt>Kind</dt>
            <dd>{asset.kindLabel}</dd>
          </div>
          <div>
            <dt>Criticality</dt>
            <dd>
              <CriticalityPill value={asset.criticality} />
            </dd>
          </div>
          <div>
            <dt>Lifecycle</dt>
            <dd data-testid="asset-lifecycle">
              <LifecycleLabel value={asset.lifecycle} />
            </dd>
          </div>
          <div>
            <dt>Vendor</dt>
            <dd>{asset.vendor ?? <span className="muted">—</span>}</dd>
          </div>
          <div>
            <dt>Web address</dt>
            <dd>
              {asset.url ? (
                <a href={asset.url} rel="noopener noreferrer" target="_blank">
                  {asset.url}
                </a>
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Coverage</dt>
            <dd data-testid="asset-coverage">
              {coverage.inScope === 0 ? (
                <span className="muted">Out of scope</span>
              ) : (
                <>
                  <strong>{formatPercent(coverage.percent)}</strong>{" "}
                  <span className="muted">
                    {coverage.covered} of {coverage.inScope} cells, {coverage.gaps} {coverage.gaps === 1 ? "gap" : "gaps"}
                  </span>
                </>
              )}
            </dd>
          </div>
        </dl>
        {asset.description ? <p className={styles.description}>{asset.description}</p> : null}
      </section>

      <section className="panel" aria-labelledby="cells-heading">
        <h2 id="cells-heading">Cells</h2>
        <p className={`muted ${styles.sectionLede}`}>
          One per concern that applies to this kind of asset. Open a cell to see or change who owns it.
        </p>
        <AssetCellsTable assetKey={asset.key} cells={detail.cells} timeZone={timeZone} />
      </section>

      <AssetHistory history={detail.history} endedAssignments={detail.endedAssignments} timeZone={timeZone} />
    </>
  );
}
