import type { CurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db/client";
import { readTimeZone } from "@/lib/settings/queries";
import { loadBoardOf, type ReviewBoard } from "./board";
import type { BoardPageRequest, BoardPagination } from "./board-page";
import { getReviewHeader, getUnopenedReviewHeader } from "./header";
import { isoWeekOf, shiftIsoWeek } from "./iso-week";
import { getReviewRecord, type ReviewRecord } from "./record";

/**
 * What `/review` and `/review/[id]` show: the working board when the signed-in person may work on a
 * draft that is still open, the read-only record otherwise. Viewers never get the working screen.
 * Reading writes nothing: a team's review of the week that nobody has written to yet shows its scope,
 * and its first decision (or `POST /api/reviews`) creates it.
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
    readTimeZone(prisma),
    user.role === "admin" ? prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const teamId = chooseTeam(user, teams, params.team);
  if (teamId === null) return { kind: "no-team" };

  const currentWeek = isoWeekOf(now, timeZone);
  const lastWeek = shiftIsoWeek(currentWeek, -1);
  const isoWeek = params.week === lastWeek ? lastWeek : currentWeek;
  const existing = await prisma.review.findFirst({ where: { teamId, cycle: { isoWeek } }, select: { id: true } });
  const view = existing ? await getReviewView(user, existing.id, now, pageRequest) : await getUnopenedReviewView(user, teamId, { isoWeek, timeZone }, now, pageRequest);
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
    return { kind: "board", ...(await loadBoardOf(prisma, header, now, pageRequest)) };
  }
  const record = await getReviewRecord(prisma, reviewId, user, now);
  return record ? { kind: "record", record } : null;
}

/** The board of a review not created yet; only those who may work on it are shown it (viewers get the forbidden screen first). */
async function getUnopenedReviewView(
  user: CurrentUser,
  teamId: number,
  week: { isoWeek: string; timeZone: string },
  now: Date,
  pageRequest: BoardPageRequest,
): Promise<ReviewView | null> {
  const prisma = getPrisma();
  const header = await getUnopenedReviewHeader(prisma, teamId, week, user, now);
  return header?.editable ? { kind: "board", ...(await loadBoardOf(prisma, header, now, pageRequest)) } : null;
}

/** A manager works on their own team; an admin on the team asked for, else their own, else the first. */
function chooseTeam(user: CurrentUser, teams: { id: number }[], requested: string | undefined): number | null {
  if (user.role !== "admin") return user.teamId;
  const asked = Number(requested);
  if (requested && teams.some((team) => team.id === asked)) return asked;
  if (user.teamId !== null) return user.teamId;
  return teams[0]?.id ?? null;
}
