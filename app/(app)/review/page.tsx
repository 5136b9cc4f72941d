import type { Metadata, Route } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/ui/forbidden";
import { requireUser } from "@/lib/auth/session";
import { getReviewScreen } from "@/lib/review/screen";
import { boardPageRequestOf, PagedBoard } from "./_components/paged-board";
import { ReviewPageHeader } from "./_components/review-page-header";
import { ReviewRecordView } from "./_components/review-record";

export const metadata: Metadata = { title: "Weekly review" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

type Params = Record<string, string | string[] | undefined>;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Params> }) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const now = new Date();
  const screen = await getReviewScreen(user, { team: first(params.team), week: first(params.week) }, now, boardPageRequestOf(params));
  if (screen.kind === "forbidden") {
    return (
      <>
        <Forbidden what="The weekly review is filled in by managers and admins." />
        <p>
          You can read every team&apos;s past reviews in the <Link href={"/review/history" as Route}>review history</Link>.
        </p>
      </>
    );
  }
  if (screen.kind === "no-team") {
    return (
      <section className="panel" role="alert">
        <h1>Weekly review</h1>
        <p>You are not a member of a team, so there is no review for you to fill in. Ask an admin to add you to your team.</p>
      </section>
    );
  }
  const { view } = screen;
  const header = view.kind === "board" ? view.board.header : view.record.header;
  const teamQuery = user.role === "admin" ? `team=${header.team.id}&` : "";
  return (
    <>
      <ReviewPageHeader header={header} teamChoices={screen.teamChoices} currentWeek={screen.currentWeek} />
      {screen.lastWeekOutstanding ? (
        <p className="notice notice-warning" data-testid="last-week-outstanding">
          Last week&apos;s review ({screen.lastWeekOutstanding.isoWeek}) was not submitted. You can still submit it this week; it will count as late.{" "}
          <Link href={`/review?${teamQuery}week=${screen.lastWeekOutstanding.isoWeek}` as Route}>Open last week&apos;s review</Link>
        </p>
      ) : null}
      {header.isoWeek !== screen.currentWeek ? (
        <p className="notice notice-warning">
          This is last week&apos;s review.{" "}
          <Link href={(teamQuery ? `/review?team=${header.team.id}` : "/review") as Route}>Back to this week&apos;s review</Link>
        </p>
      ) : null}
      {view.kind === "board" ? <PagedBoard board={view.board} pagination={view.pagination} basePath="/review" keep={{ team: user.role === "admin" ? String(header.team.id) : undefined, week: first(params.week) }} userId={user.id} now={now} /> : <ReviewRecordView record={view.record} />}
    </>
  );
}
