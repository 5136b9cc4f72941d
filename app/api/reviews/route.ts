import { writeRoute } from "@/lib/api/write-route";
import { reviewTeamToOpen } from "@/lib/review/access";
import { openWeekReview } from "@/lib/review/cycles";
import { openReviewSchema } from "@/lib/review/schemas";

/** Creates a team's review of this week or last week as a draft (the board's first decision does this first). */
export const POST = writeRoute({
  schema: openReviewSchema,
  policy: reviewTeamToOpen,
  handle: ({ tx, user, input, audit }) => openWeekReview(tx, user, input, audit),
});
