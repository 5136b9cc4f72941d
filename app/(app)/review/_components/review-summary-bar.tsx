"use client";

import { useState } from "react";
import { describeDaysLeft, formatDueAt } from "@/lib/review/due";
import type { ReviewHeader } from "@/lib/review/header";
import type { ReviewDecision } from "@/lib/rules";
import styles from "../review.module.css";

interface Props {
  header: ReviewHeader;
  now: Date;
  decided: number;
  total: number;
  counts: Record<ReviewDecision, number>;
  busy: boolean;
  error: string | null;
  announcement: { kind: "saved" | "failed"; text: string } | null;
  onConfirmAll: () => void;
  onSubmit: () => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Progress, due date and the two review-wide actions; stays in view while the list scrolls. */
export function ReviewSummaryBar({ header, now, decided, total, counts, busy, error, announcement, onConfirmAll, onSubmit }: Props) {
  const [confirming, setConfirming] = useState(false);
  const undecided = total - decided;
  const percent = total === 0 ? 100 : Math.round((decided / total) * 100);
  const pastDue = now.getTime() > new Date(header.dueAt).getTime();

  return (
    <section className={styles.summary} aria-label="Review progress" data-testid="review-summary" data-review-id={header.id ?? undefined} data-team-id={header.team.id} data-iso-week={header.isoWeek}>
      <div>
        <div className={styles.progressLabel}>
          <span id="progress-label">Progress</span>
          <strong data-testid="review-progress">
            {decided} of {total} decided
          </strong>
        </div>
        <div className={styles.progressTrack} role="progressbar" aria-labelledby="progress-label" aria-valuemin={0} aria-valuemax={total} aria-valuenow={decided} aria-valuetext={`${decided} of ${total} decided`}>
          <div className={styles.progressFill} style={{ width: `${percent}%` }} />
        </div>
      </div>
      <div className={styles.due} data-testid="review-due">
        <span className={styles.dueWhen}>Due {formatDueAt(new Date(header.dueAt), header.timeZone)}</span>
        {pastDue ? (
          <span className={styles.overdue} data-testid="overdue">
            <span aria-hidden="true">⚠</span> {header.overdue ? "Overdue" : "Past due, counts as late"} · {describeDaysLeft(new Date(header.dueAt), now, header.timeZone)}
          </span>
        ) : (
          <span className="muted">{describeDaysLeft(new Date(header.dueAt), now, header.timeZone)}</span>
        )}
      </div>
      <div className={styles.summaryActions}>
        <button type="button" className="button button-secondary" onClick={onConfirmAll} disabled={busy || undecided === 0}>
          Confirm all unchanged{undecided > 0 ? ` (${undecided})` : ""}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => (undecided > 0 ? onSubmit() : setConfirming(true))}
        >
          Submit review
        </button>
      </div>
      {confirming && undecided === 0 ? (
        <div className={styles.confirmSubmit} role="alertdialog" aria-labelledby="submit-question">
          <p id="submit-question">
            Submit now? This applies {plural(counts.change, "change", "changes")} and {plural(counts.confirm, "confirmation", "confirmations")}, records{" "}
            {plural(counts.flag, "flag", "flags")} and {plural(counts.handoff, "hand-off", "hand-offs")}. The review is read-only afterwards.
          </p>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              onSubmit();
            }}
          >
            {busy ? "Submitting…" : "Yes, submit"}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
            Not yet
          </button>
        </div>
      ) : null}
      {error ? (
        <p className={`notice notice-error ${styles.summaryError}`} role="alert" data-testid="review-error">
          {error}
        </p>
      ) : null}
      <p className={styles.liveLine} aria-live="polite" role="status" data-testid="review-live">
        {announcement ? <span className={announcement.kind === "saved" ? styles.saved : styles.failed}>{announcement.text}</span> : null}
      </p>
    </section>
  );
}
