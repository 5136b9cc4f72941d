import type { Metadata, Route } from "next";
import Link from "next/link";
import { HistoryList } from "@/components/history/history-list";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
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
      <HistoryList
        title="All reviews"
        headingId="list-heading"
        testId="review-list"
        empty="No review yet."
        rows={list.rows}
        columns={[
          { header: "Week", className: styles.nowrap, cell: (row) => <Link href={`/review/${row.id}` as Route}>{row.isoWeek}</Link> },
          { header: "Team", cell: (row) => row.teamName },
          {
            header: "Status",
            cell: (row) => {
              const status = STATUS_SHOWN[submissionStatus(row, row.submittedAt, now, true)];
              return (
                <>
                  <span aria-hidden="true">{status.mark}</span> {row.status === "draft" && status.word === "Missing" ? "Not submitted" : status.word}
                </>
              );
            },
          },
          { header: "Submitted", cell: (row) => (row.submittedAt ? `${formatMoment(row.submittedAt, row.timeZone)} · ${row.submittedByName ?? ""}` : "—") },
          {
            header: "Decisions",
            className: styles.minor,
            cell: (row) => `${row.counts.confirm} confirmed · ${row.counts.change} changed · ${row.counts.flag} flagged · ${row.counts.handoff} handed off`,
          },
        ]}
        footer={<Pagination basePath="/review/history" searchParams={{ team: teamParam ? String(teamParam) : undefined }} page={page} pageSize={REVIEW_PAGE_SIZE} total={list.total} />}
      >
        <form method="get" className="filters">
          <SelectField label="Team" name="team" value={teamParam} anyLabel="Every team" options={teams.map((team) => ({ value: team.id, label: team.name }))} />
          <button type="submit" className="button button-secondary">
            Apply
          </button>
        </form>
      </HistoryList>
    </>
  );
}
