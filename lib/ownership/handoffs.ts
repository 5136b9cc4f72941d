import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { cycleWindow, isoWeekOf, shiftIsoWeek } from "@/lib/review/iso-week";

type Reader = Db | Prisma.TransactionClient;

/**
 * Cells handed off to a team in the previous ISO week's submitted reviews: they belong to that team's
 * review scope this week (DESIGN.md, "Review scope").
 */
export async function listCellsHandedOffTo(
  db: Reader,
  teamId: number,
  now: Date,
  timeZone: string,
): Promise<{ assetId: number; concernId: number }[]> {
  const previousWeek = shiftIsoWeek(isoWeekOf(now, timeZone), -1);
  const { opensAt, closesAt } = cycleWindow(previousWeek, timeZone);
  return db.reviewItem.findMany({
    where: {
      decision: "handoff",
      handoffTeamId: teamId,
      review: { status: "submitted", cycle: { opensAt: { gte: opensAt, lt: closesAt } } },
    },
    select: { assetId: true, concernId: true },
  });
}
