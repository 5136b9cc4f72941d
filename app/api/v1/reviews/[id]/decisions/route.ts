import { writeRoute } from "@/lib/api/write-route";
import { reviewOfOwnTeam } from "@/lib/review/access";
import { decisionBody } from "@/lib/public-api/inputs";
import { answer } from "@/lib/public-api/respond";
import { decideApiItem } from "@/lib/public-api/reviews";

/** Saves one decision on one cell of a draft review, as on the review screen (admins, the team's manager). */
export const PUT = writeRoute({
  schema: decisionBody,
  policy: reviewOfOwnTeam,
  handle: ({ tx, user, subject: review, input, audit }) => decideApiItem(tx, user, review, input, audit),
  respond: answer,
});
