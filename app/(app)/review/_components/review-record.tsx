import type { Route } from "next";
import Link from "next/link";
import { formatMoment } from "@/lib/review/format";
import type { ReviewRecord } from "@/lib/review/record";
import { FLAG_REASON_LABEL } from "@/lib/review/schemas";
import type { ReviewDecision } from "@/lib/rules";
import styles from "../review.module.css";
import { CRITICALITY_LABEL, DECISION_DONE, DECISION_MARK } from "./labels";
import { ReopenButton } from "./reopen-button";

const ORDER: ReviewDecision[] = ["confirm", "change", "flag", "handoff"];

/** A review as decided: read-only. Submitted reviews, past weeks and other teams' drafts show this way. */
export function ReviewRecordView({ record }: { record: ReviewRecord }) {
  const { header } = record;
  const tz = header.timeZone;
  const total = ORDER.reduce((sum, kind) => sum + record.counts[kind], 0);
  return (
    <>
      <section className="panel" aria-label="Review status" data-testid="review-record-status" data-review-id={header.id}>
        {header.status === "submitted" && header.submittedAt ? (
          <p className="notice notice-success" role="status">
            <strong>Submitted</strong> by {header.submittedByName ?? "someone"} on {formatMoment(header.submittedAt, tz)}
            {header.submittedAt > header.dueAt ? " (late)" : ""}. This review is read-only
            {header.canReopen ? "; as an admin you can reopen it." : "."}
          </p>
        ) : (
          <p className="notice notice-warning" role="status">
            <strong>Not submitted.</strong> {total === 0 ? "No decision was made." : `${total} decisions were saved as a draft.`}{" "}
            {header.editable ? "" : "It is read-only here."}
          </p>
        )}
        <div className={styles.recordSummary}>
          {ORDER.map((kind) => (
            <span key={kind} className={styles.count}>
              <span className={`${styles.pill} ${styles[`pill-${kind}`]}`}>
                <span aria-hidden="true">{DECISION_MARK[kind]}</span> {DECISION_DONE[kind]}
              </span>
              <strong>{record.counts[kind]}</strong>
            </span>
          ))}
          {header.canReopen ? <ReopenButton reviewId={header.id} /> : null}
        </div>
      </section>
      {record.groups.map((group) => (
        <section key={group.assetId} className={styles.group} aria-labelledby={`record-asset-${group.assetId}`}>
          <header className={styles.groupHeader}>
            <h2 id={`record-asset-${group.assetId}`}>
              <Link href={`/assets/${group.assetKey}` as Route}>{group.assetName}</Link>
            </h2>
            <span className={`${styles.crit} ${styles[`crit-${group.criticality}`]}`}>{CRITICALITY_LABEL[group.criticality]}</span>
          </header>
          <table className={styles.cells}>
            <thead>
              <tr>
                <th scope="col" className={styles.recConcern}>Concern</th>
                <th scope="col" className={styles.recDecision}>Decision</th>
                <th scope="col">Details</th>
                <th scope="col" className={styles.recWhen}>Decided</th>
              </tr>
            </thead>
            <tbody>
              {group.items.map((item) => (
                <tr key={`${item.assetKey}/${item.concernKey}`} data-cell={`${item.assetKey}/${item.concernKey}`} data-testid="record-item">
                  <th scope="row">{item.concernName}</th>
                  <td>
                    <span className={`${styles.pill} ${styles[`pill-${item.decision}`]}`}>
                      <span aria-hidden="true">{DECISION_MARK[item.decision]}</span> {DECISION_DONE[item.decision]}
                    </span>
                  </td>
                  <td>
                    {item.decision === "change" ? `New owners: ${item.newOwners.map((o) => `${o.role} ${o.name}`).join(", ")}` : null}
                    {item.decision === "flag" && item.flagReason ? FLAG_REASON_LABEL[item.flagReason] : null}
                    {item.decision === "handoff" ? `To ${item.handoffTeam?.name ?? "another team"}` : null}
                    {item.note ? <span className="muted">{item.decision === "confirm" ? "" : " · "}“{item.note}”</span> : null}
                  </td>
                  <td className="muted">
                    {item.decidedByName ?? "Someone"}, {formatMoment(item.decidedAt, tz)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
