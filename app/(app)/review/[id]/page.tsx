import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isoWeekOf } from "@/lib/review/iso-week";
import { getReviewView } from "@/lib/review/screen";
import { boardPageRequestOf, PagedBoard } from "../_components/paged-board";
import { ReviewPageHeader } from "../_components/review-page-header";
import { ReviewRecordView } from "../_components/review-record";

export const metadata: Metadata = { title: "Review" };

/** One review by id: anyone signed in reads it; its team's manager or an admin works on it while it is open. */
export default async function ReviewByIdPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, { id }, query] = await Promise.all([requireUser(), params, searchParams]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const now = new Date();
  const view = await getReviewView(user, Number(id), now, boardPageRequestOf(query));
  if (!view) notFound();
  const header = view.kind === "board" ? view.board.header : view.record.header;
  return (
    <>
      <ReviewPageHeader header={header} currentWeek={isoWeekOf(now, header.timeZone)} />
      {view.kind === "board" ? <PagedBoard board={view.board} pagination={view.pagination} basePath={`/review/${id}`} keep={{}} userId={user.id} now={now} /> : <ReviewRecordView record={view.record} />}
    </>
  );
}
