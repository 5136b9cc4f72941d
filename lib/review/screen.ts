import { recordAudit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { loadReviewBoard, type ReviewBoard } from "./board";
import type { BoardPageRequest, BoardPagination } from "./board-page";
import { openReview } from "./cycles";
import { getReviewHeader } from "./header";
import { isoWeekOf, shiftIsoWeek } from "./iso-week";
import { getReviewRecord, type ReviewRecord } from "./record";
import { getOrganisationTimeZone } from "./scope";

/**
 * What `/review` and `/review/[id]` show: the working board when the signed-in person may work on a
 * draft that is still open, the read-only record otherwise. Viewers never get the working screen.
 */

export type ReviewView = { kind: "board"; board: ReviewBoard; pagination: BoardPagination } | { kind: "record"; record: ReviewRecord };

const FIRST_PAGE: BoardPageRequest = { page: 1, undecidedOnly: false };

export type ReviewScreen =
  | { kind: "forbidden" }
  | { kind: "no-team" }
  | {
      kind: "review";
      view: ReviewView;
      /** Teams an admin can switch between; empty for a manager. */
      teamChoices: { id: number; name: string }[];
      currentWeek: string;
      /** Last week's review of the team when it is still not submitted (it can be, late, this week). */
      lastWeekOutstanding: { isoWeek: string } | null;
    };

export async function getReviewScreen(
  user: CurrentUser,
  params: { team?: string; week?: string },
  now = new Date(),
  pageRequest: BoardPageRequest = FIRST_PAGE,
): Promise<ReviewScreen> {
  if (user.role === "viewer") return { kind: "forbidden" };
  const prisma = getPrisma();
  const [timeZone, teams] = await Promise.all([
    getOrganisationTimeZone(prisma),
    user.role === "admin" ? prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const teamId = chooseTeam(user, teams, params.team);
  if (teamId === null) return { kind: "no-team" };

  const currentWeek = isoWeekOf(now, timeZone);
  const lastWeek = shiftIsoWeek(currentWeek, -1);
  const isoWeek = params.week === lastWeek ? lastWeek : currentWeek;
  const reviewId = await prisma.$transaction((tx) =>
    openReview(tx, user, teamId, isoWeek, timeZone, (entry) => recordAudit(tx, { ...entry, actorId: user.id })),
  );
  const view = await getReviewView(user, reviewId, now, pageRequest);
  if (!view) return { kind: "no-team" };

  let lastWeekOutstanding: { isoWeek: string } | null = null;
  const teamHasCells = view.kind === "record" || view.pagination.totalCells > 0;
  if (isoWeek === currentWeek && teamHasCells) {
    const last = await prisma.review.findFirst({ where: { teamId, cycle: { isoWeek: lastWeek } }, select: { status: true } });
    if (last?.status !== "submitted") lastWeekOutstanding = { isoWeek: lastWeek };
  }
  return { kind: "review", view, teamChoices: teams, currentWeek, lastWeekOutstanding };
}

/** One review by id: a page of the board when the viewer may work on it, its record otherwise. */
export async function getReviewView(user: CurrentUser, reviewId: number, now = new Date(), pageRequest: BoardPageRequest = FIRST_PAGE): Promise<ReviewView | null> {
  const prisma = getPrisma();
  const header = await getReviewHeader(prisma, reviewId, user, now);
  if (!header) return null;
  if (header.editable) {
    const paged = await loadReviewBoard(prisma, reviewId, user, now, pageRequest, header);
    return paged ? { kind: "board", ...paged } : null;
  }
  const record = await getReviewRecord(prisma, reviewId, user, now);
  return record ? { kind: "record", record } : null;
}

/** A manager works on their own team; an admin on the team asked for, else their own, else the first. */
function chooseTeam(user: CurrentUser, teams: { id: number }[], requested: string | undefined): number | null {
  if (user.role !== "admin") return user.teamId;
  const asked = Number(requested);
  if (requested && teams.some((team) => team.id === asked)) return asked;
  if (user.teamId !== null) return user.teamId;
  return teams[0]?.id ?? null;
}
