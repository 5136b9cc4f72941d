import type { Route } from "next";
import Link from "next/link";
import type { SubmissionStatus } from "@/lib/review/due";
import { formatMoment } from "@/lib/review/format";
import type { HistoryGrid } from "@/lib/review/history-grid";
import { parseIsoWeek } from "@/lib/review/iso-week";
import styles from "../review.module.css";

/** Colour, a symbol and a word per status: the grid reads the same without colour. */
export const STATUS_SHOWN: Record<SubmissionStatus, { mark: string; word: string; long: string }> = {
  "on-time": { mark: "✓", word: "On time", long: "submitted on time" },
  late: { mark: "◔", word: "Late", long: "submitted after its due time" },
  missing: { mark: "✕", word: "Missing", long: "not submitted while the team had cells to review" },
  open: { mark: "…", word: "Open", long: "not due yet" },
  "nothing-to-review": { mark: "–", word: "None", long: "nothing to review" },
};

const LEGEND: SubmissionStatus[] = ["on-time", "late", "missing", "open", "nothing-to-review"];

export function HistoryGridView({ grid }: { grid: HistoryGrid }) {
  return (
    <>
      <ul className={styles.legend} aria-label="Legend">
        {LEGEND.map((status) => (
          <li key={status}>
            <span className={`${styles.status} ${styles.swatch} ${styles[`status-${status}`]}`} aria-hidden="true">
              {STATUS_SHOWN[status].mark}
            </span>
            {STATUS_SHOWN[status].word}: {STATUS_SHOWN[status].long}
          </li>
        ))}
      </ul>
      <div className={styles.gridWrap}>
        <table className={styles.grid} data-testid="review-grid">
          <caption className="muted">Each team&apos;s weekly review over the last {grid.weeks.length} weeks; select a week to open its review.</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              {grid.weeks.map((week) => (
                <th key={week.isoWeek} scope="col" className={week.current ? styles.currentWeek : undefined} title={week.isoWeek}>
                  W{parseIsoWeek(week.isoWeek)?.weekNumber}
                  {week.current ? <small> now</small> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.team.id} data-team={row.team.name}>
                <th scope="row">{row.team.name}</th>
                {row.cells.map((cell) => {
                  const shown = STATUS_SHOWN[cell.status];
                  const label = `${row.team.name}, ${cell.isoWeek}: ${shown.long}${cell.submittedAt ? ` (${formatMoment(cell.submittedAt, grid.timeZone)})` : ""}${cell.started && cell.status !== "open" ? ", a draft was started" : ""}`;
                  const content = (
                    <>
                      <span aria-hidden="true">{shown.mark}</span>
                      <small>{shown.word}</small>
                    </>
                  );
                  return (
                    <td key={cell.isoWeek} data-week={cell.isoWeek} data-status={cell.status}>
                      {cell.reviewId ? (
                        <Link href={`/review/${cell.reviewId}` as Route} className={`${styles.status} ${styles[`status-${cell.status}`]}`} aria-label={label} title={label}>
                          {content}
                        </Link>
                      ) : (
                        <span className={`${styles.status} ${styles[`status-${cell.status}`]}`} aria-label={label} title={label} role="img">
                          {content}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
