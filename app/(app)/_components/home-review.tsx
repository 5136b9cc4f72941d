import type { Route } from "next";
import Link from "next/link";
import { describeDaysLeft, formatDueAt } from "@/lib/review/due";
import type { HomeReviewSummary, OverdueTeam } from "@/lib/review/home";

/** The signed-in manager's review this week and, for admins, the teams whose review is overdue. */
export function HomeReview({ review, overdueTeams, isAdmin, now }: { review: HomeReviewSummary | null; overdueTeams: OverdueTeam[]; isAdmin: boolean; now: Date }) {
  if (!review && !isAdmin) return null;
  return (
    <section aria-labelledby="review-heading" className="panel" data-testid="home-review">
      <h2 id="review-heading">Weekly review</h2>
      {review ? (
        <div>
          <p>
            <strong>{review.teamName}</strong>, week {review.isoWeek}:{" "}
            {review.submitted ? "submitted." : `${review.decided} of ${review.total} cells decided.`}{" "}
            {!review.submitted ? (
              <span className={review.overdue || review.pastDue ? "gap-badge severity-critical" : "muted"}>
                {review.overdue
                  ? "Overdue"
                  : review.pastDue
                    ? `Past due (${describeDaysLeft(review.dueAt, now, review.timeZone)}): submitting this week counts as late`
                    : `Due ${formatDueAt(review.dueAt, review.timeZone)}, ${describeDaysLeft(review.dueAt, now, review.timeZone)}`}
              </span>
            ) : null}
          </p>
          <div className="coverage-track" aria-hidden="true">
            <div className="coverage-fill tone-it" style={{ width: `${review.total ? (100 * review.decided) / review.total : 100}%` }} />
          </div>
          <p>
            <Link href="/review">{review.submitted ? "See the review" : "Continue the review"}</Link>
          </p>
        </div>
      ) : null}
      {isAdmin ? (
        overdueTeams.length === 0 ? (
          <p className="muted">No team&rsquo;s review is overdue.</p>
        ) : (
          <div data-testid="overdue-teams">
            <h3>Overdue reviews, last 12 weeks</h3>
            <ul>
              {groupByTeam(overdueTeams).map(({ teamId, teamName, weeks }) => (
                <li key={teamId}>
                  <Link href={`/review/history?team=${teamId}` as Route}>{teamName}</Link>:{" "}
                  {weeks.length === 1 ? "week " : `${weeks.length} weeks, `}
                  {weeks.map((week, index) => (
                    <span key={week.isoWeek}>
                      {index > 0 ? ", " : null}
                      {week.reviewId ? <Link href={`/review/${week.reviewId}` as Route}>{week.isoWeek}</Link> : week.isoWeek}
                      {week.started ? " (started)" : null}
                    </span>
                  ))}
                  <span className="muted">; the latest was due {formatDueAt(weeks.at(-1)!.dueAt, weeks.at(-1)!.timeZone)}</span>
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </section>
  );
}

/** One line per team, its overdue weeks oldest first: twelve weeks of a whole organisation stay readable. */
function groupByTeam(overdue: OverdueTeam[]): { teamId: number; teamName: string; weeks: OverdueTeam[] }[] {
  const byTeam = new Map<number, { teamId: number; teamName: string; weeks: OverdueTeam[] }>();
  for (const entry of overdue) {
    const team = byTeam.get(entry.teamId) ?? { teamId: entry.teamId, teamName: entry.teamName, weeks: [] };
    team.weeks.push(entry);
    byTeam.set(entry.teamId, team);
  }
  return [...byTeam.values()].sort((a, b) => b.weeks.length - a.weeks.length || a.teamName.localeCompare(b.teamName));
}
