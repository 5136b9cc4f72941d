import type { Route } from "next";
import Link from "next/link";
import type { HomeReviewSummary, OverdueTeam } from "@/lib/review/home";

const day = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** The signed-in manager's review this week and, for admins, the teams whose review is overdue. */
export function HomeReview({ review, overdueTeams, isAdmin, now }: { review: HomeReviewSummary | null; overdueTeams: OverdueTeam[]; isAdmin: boolean; now: Date }) {
  if (!review && !isAdmin) return null;
  const daysLeft = review ? Math.ceil((review.dueAt.getTime() - now.getTime()) / 86_400_000) : 0;
  return (
    <section aria-labelledby="review-heading" className="panel" data-testid="home-review">
      <h2 id="review-heading">Weekly review</h2>
      {review ? (
        <div>
          <p>
            <strong>{review.teamName}</strong>, week {review.isoWeek}:{" "}
            {review.submitted ? "submitted." : `${review.decided} of ${review.total} cells decided.`}{" "}
            {!review.submitted ? (
              <span className={review.overdue ? "gap-badge severity-critical" : "muted"}>
                {review.overdue ? "Overdue" : `Due ${day.format(review.dueAt)} UTC (${daysLeft} day${daysLeft === 1 ? "" : "s"} left)`}
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
                  <Link href={`/review?team=${team.teamId}` as Route}>{team.teamName}</Link> — week {team.isoWeek}, due {day.format(team.dueAt)} UTC
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
