import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { isoWeekOf } from "@/lib/review/iso-week";
import { getReviewView } from "@/lib/review/screen";
import { ReviewBoardView } from "../_components/review-board";
import { ReviewPageHeader } from "../_components/review-page-header";
import { ReviewRecordView } from "../_components/review-record";

export const metadata: Metadata = { title: "Review" };

/** One review by id: anyone signed in reads it; its team's manager or an admin works on it while it is open. */
export default async function ReviewByIdPage({ params }: { params: Promise<{ id: string }> }) {
  const [user, { id }] = await Promise.all([requireUser(), params]);
  if (!/^\d{1,9}$/.test(id)) notFound();
  const now = new Date();
  const view = await getReviewView(user, Number(id), now);
  if (!view) notFound();
  const header = view.kind === "board" ? view.board.header : view.record.header;
  return (
    <>
      <ReviewPageHeader header={header} currentWeek={isoWeekOf(now, header.timeZone)} />
      {view.kind === "board" ? <ReviewBoardView board={view.board} userId={user.id} now={now} /> : <ReviewRecordView record={view.record} />}
    </>
  );
}
