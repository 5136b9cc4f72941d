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
            <h3>Overdue reviews</h3>
            <ul>
              {overdueTeams.map((team) => (
                <li key={`${team.teamId}-${team.isoWeek}`}>
                  <Link href={(team.reviewId ? `/review/${team.reviewId}` : `/review/history?team=${team.teamId}`) as Route}>{team.teamName}</Link> — week {team.isoWeek}, due{" "}
                  {formatDueAt(team.dueAt, team.timeZone)}
                  {team.started ? " (started, not submitted)" : " (not started)"}
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </section>
  );
}
