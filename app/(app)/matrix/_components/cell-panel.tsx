import type { Route } from "next";
import Link from "next/link";
import { CoveredBadge, GapBadge } from "@/components/ui/gap-badge";
import type { CurrentUser } from "@/lib/auth/session";
import { getCellDetail } from "@/lib/ownership/cell-detail";
import { CellEditor } from "./cell-editor";
import { CellHistory } from "./cell-history";

const HOME_LABEL = { marketing: "Marketing concern", it: "IT concern", shared: "Shared concern" } as const;
const ROLE_LABEL = { A: "Accountable", R: "Responsible", C: "Consulted", I: "Informed" } as const;

export async function CellPanel({ user, assetKey, concernKey, closeHref }: { user: CurrentUser; assetKey: string; concernKey: string; closeHref: string }) {
  const detail = await getCellDetail(user, assetKey, concernKey);
  if (!detail) {
    return (
      <aside className="panel cell-panel" aria-label="Cell">
        <p role="alert">This cell does not exist: the concern may not apply to that asset.</p>
        <Link href={closeHref as Route}>Close</Link>
      </aside>
    );
  }
  const { asset, concern, evaluated } = detail;
  return (
    <aside className="panel cell-panel" aria-labelledby="cell-heading" data-testid="cell-panel">
      <div className="cell-panel-header">
        <div>
          <h2 id="cell-heading">
            <Link href={`/assets/${asset.key}` as Route}>{asset.name}</Link> · {concern.name}
          </h2>
          <p className="muted">
            {HOME_LABEL[concern.home]} · {asset.criticality} criticality{asset.lifecycle === "retired" ? " · retired, out of scope" : ""}
          </p>
        </div>
        <Link href={closeHref as Route} scroll={false} className="button button-quiet" aria-label="Close the cell">
          ✕
        </Link>
      </div>
      <div className="cell-state" data-testid="cell-state">
        {evaluated.inScope && evaluated.gaps.length === 0 ? <CoveredBadge /> : null}
        {evaluated.gaps.map((gap) => (
          <GapBadge key={gap.type} type={gap.type} severity={gap.severity} />
        ))}
        {evaluated.inScope ? <span className="muted">Score {evaluated.score}</span> : null}
      </div>
      {detail.canEdit ? (
        <CellEditor
          key={`${asset.key}/${concern.key}`}
          assetKey={asset.key}
          concernKey={concern.key}
          concernHome={concern.home}
          assetCriticality={asset.criticality}
          assetKindKey={asset.kindKey}
          latestReviewDecision={evaluated.latestReviewDecision}
          settings={detail.settings}
          version={detail.version}
          holders={detail.holders}
          people={detail.personOptions}
        />
      ) : (
        <>
          <ul className="holder-list" data-testid="holders">
            {detail.holders.length === 0 ? <li className="muted">Nobody holds any role on this cell.</li> : null}
            {detail.holders.map((holder) => (
              <li key={holder.assignmentId}>
                <span className={`role-chip role-chip-${holder.role}`} title={ROLE_LABEL[holder.role]}>{holder.role}</span>
                <span>
                  {holder.personName}
                  {holder.active ? "" : " (left)"} <span className="muted">{holder.teamName ?? "no team"}</span>
                </span>
              </li>
            ))}
          </ul>
          <p className="muted" data-testid="read-only-note">
            {user.role === "viewer"
              ? "Viewers read ownership; they do not change it."
              : "You can change this cell when someone in your team is accountable or responsible for it, or when it is an uncovered cell of your team's review."}
          </p>
        </>
      )}
      <CellHistory history={detail.history} ended={detail.ended} />
    </aside>
  );
}
