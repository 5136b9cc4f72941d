import type { Metadata, Route } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { parsePage } from "@/lib/validation/page-number";
import { requireUser } from "@/lib/auth/session";
import { submissionStatus } from "@/lib/review/due";
import { formatMoment } from "@/lib/review/format";
import { REVIEW_PAGE_SIZE } from "@/lib/review/history";
import { getReviewHistory } from "@/lib/review/queries";
import { HistoryGridView, STATUS_SHOWN } from "../_components/history-grid";
import styles from "../review.module.css";

export const metadata: Metadata = { title: "Review history" };

export default async function ReviewHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [, params] = await Promise.all([requireUser(), searchParams]);
  const page = parsePage(params.page);
  const teamParam = typeof params.team === "string" && /^\d{1,9}$/.test(params.team) ? Number(params.team) : undefined;
  const now = new Date();
  const { grid, list, teams } = await getReviewHistory({ teamId: teamParam, page }, now);
  return (
    <>
      <header className="page-header page-header-row">
        <div>
          <h1>Review history</h1>
          <p className="page-lede">Every team&apos;s weekly reviews: which were submitted on time, late or not at all, and what they decided.</p>
        </div>
        <div className="page-actions">
          <Link href="/review" className="button button-quiet">
            This week&apos;s review
          </Link>
        </div>
      </header>
      <section className="panel" aria-labelledby="grid-heading">
        <h2 id="grid-heading">The last {grid.weeks.length} weeks</h2>
        <HistoryGridView grid={grid} />
      </section>
      <section className="panel" aria-labelledby="list-heading">
        <h2 id="list-heading">All reviews</h2>
        <form method="get" className="filters">
          <label className="field">
            <span>Team</span>
            <select name="team" defaultValue={teamParam ? String(teamParam) : ""}>
              <option value="">Every team</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button-secondary">
            Apply
          </button>
        </form>
        <div className="table-wrap">
          <table className="data-table" data-testid="review-list">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Team</th>
                <th scope="col">Status</th>
                <th scope="col">Submitted</th>
                <th scope="col">Decisions</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => {
                const status = STATUS_SHOWN[submissionStatus(row, row.submittedAt, now, true)];
                const statusWord = row.status === "draft" && status.word === "Missing" ? "Not submitted" : status.word;
                return (
                  <tr key={row.id}>
                    <td className={styles.nowrap}>
                      <Link href={`/review/${row.id}` as Route}>{row.isoWeek}</Link>
                    </td>
                    <td>{row.teamName}</td>
                    <td>
                      <span aria-hidden="true">{status.mark}</span> {statusWord}
                    </td>
                    <td>{row.submittedAt ? `${formatMoment(row.submittedAt, row.timeZone)} · ${row.submittedByName ?? ""}` : "—"}</td>
                    <td className={styles.minor}>
                      {row.counts.confirm} confirmed · {row.counts.change} changed · {row.counts.flag} flagged · {row.counts.handoff} handed off
                    </td>
                  </tr>
                );
              })}
              {list.rows.length === 0 ? (
                <tr>
                  <td colSpan={5} className="muted">
                    No review yet.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <Pagination basePath="/review/history" searchParams={{ team: teamParam ? String(teamParam) : undefined }} page={page} pageSize={REVIEW_PAGE_SIZE} total={list.total} />
      </section>
    </>
  );
}
