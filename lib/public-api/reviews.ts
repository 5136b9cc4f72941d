import type { AuditEntry } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { DataPolicy, Tx } from "@/lib/auth/write-policy";
import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { isReviewEditable, reviewTeamToOpen, type LockedReview } from "@/lib/review/access";
import { openWeekReview } from "@/lib/review/cycles";
import { decideItem } from "@/lib/review/item-actions";
import { flagReasonFromDb, parseDecision, requireReviewId } from "@/lib/review/schemas";
import { loadReviewCells } from "@/lib/review/scope";
import { submitReview } from "@/lib/review/submit";
import { cellKey } from "@/lib/rules";
import type { DecisionBody, ListReviewsQuery, OpenReviewBody } from "./inputs";
import { decodeCursor, pageFrom } from "./pagination";

/** Reviews through /api/v1: read them, and fill one in as a manager does on the review screen, with its writes. */

type Reader = Db | Tx;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

const summarySelect = {
  id: true,
  status: true,
  submittedAt: true,
  reopenedAt: true,
  team: { select: { id: true, name: true, function: true } },
  submittedBy: { select: { email: true } },
  cycle: { select: { isoWeek: true, opensAt: true, dueAt: true, closesAt: true, timeZone: true } },
} satisfies Prisma.ReviewSelect;

type SummaryRow = Prisma.ReviewGetPayload<{ select: typeof summarySelect }>;

const toSummary = (row: SummaryRow) => ({
  id: row.id,
  team: row.team.name,
  iso_week: row.cycle.isoWeek,
  status: row.status,
  due_at: row.cycle.dueAt.toISOString(),
  submitted_at: row.submittedAt?.toISOString() ?? null,
  submitted_by: row.submittedBy?.email ?? null,
});

/** Newest first (by id: a review is created in its week or the week after). */
export async function listApiReviews(query: ListReviewsQuery, db: Db = getPrisma()) {
  const before = decodeCursor(query.cursor);
  const rows = await db.review.findMany({
    where: {
      ...(query.team !== undefined ? { team: { name: query.team } } : {}),
      ...(query.week !== undefined ? { cycle: { isoWeek: query.week } } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(before !== null ? { id: { lt: Number(before) } } : {}),
    },
    select: summarySelect,
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  return pageFrom(rows, query.limit, (row) => row.id, toSummary);
}

const itemSelect = {
  assetId: true,
  concernId: true,
  decision: true,
  note: true,
  flagReason: true,
  decidedAt: true,
  handoffTeam: { select: { name: true } },
  newOwners: { select: { role: true, person: { select: { email: true } } } },
} satisfies Prisma.ReviewItemSelect;

type ItemRow = Prisma.ReviewItemGetPayload<{ select: typeof itemSelect }>;

const toDecision = (item: ItemRow) => ({
  decision: item.decision,
  note: item.note,
  flag_reason: flagReasonFromDb(item.flagReason),
  handoff_team: item.handoffTeam?.name ?? null,
  accountable_email: item.newOwners.find((owner) => owner.role === "A")?.person.email ?? null,
  responsible_emails: item.newOwners.filter((owner) => owner.role === "R").map((owner) => owner.person.email).sort(),
  decided_at: item.decidedAt.toISOString(),
});

/** A review with every cell of its scope, as the review screen lists them, and the decision saved on each. */
export async function getApiReview(idParam: string, db: Reader = getPrisma(), now = new Date()) {
  const row = await db.review.findUnique({ where: { id: requireReviewId(idParam) }, select: { ...summarySelect, items: { select: itemSelect } } });
  if (!row) throw new AppError("not-found", "This review does not exist.");
  const decided = new Map(row.items.map((item) => [cellKey(item.assetId, item.concernId), item]));
  const { cells } = await loadReviewCells(db, row.team, row.cycle, row.items, now);
  return {
    ...toSummary(row),
    editable: isReviewEditable(row, now),
    cells: cells.map((cell) => {
      const item = decided.get(cellKey(cell.assetId, cell.concernId));
      return { asset_key: cell.assetKey, concern_key: cell.concernKey, gaps: cell.gaps, decision: item ? toDecision(item) : null };
    }),
  };
}

/** Opening a team's review, by the team's name: the screen's policy, once the name is known. */
export const reviewTeamToOpenByName: DataPolicy<{ id: number; name: string }, Record<string, never>, OpenReviewBody> = {
  role: reviewTeamToOpen.role,
  async authorize({ tx, user, input, params }) {
    const team = await tx.team.findUnique({ where: { name: input.team }, select: { id: true } });
    if (!team) throw new AppError("not-found", `There is no team named "${input.team}".`);
    return reviewTeamToOpen.authorize({ tx, user, params, input: { teamId: team.id } });
  },
};

export async function openApiReview(tx: Tx, user: PolicyUser, team: { id: number }, body: OpenReviewBody, audit: Audit) {
  const { id } = await openWeekReview(tx, user, { teamId: team.id, isoWeek: body.iso_week }, audit);
  return getApiReview(String(id), tx);
}

/** The decision with people by email and the team by name turned into the screen's input, checked by its schema. */
async function toDecideInput(tx: Tx, body: DecisionBody) {
  const cell = { assetKey: body.asset_key, concernKey: body.concern_key, note: body.note };
  if (body.decision === "confirm" || body.decision === "flag") {
    return parseDecision(body.decision === "flag" ? { ...cell, decision: "flag", flagReason: body.flag_reason } : { ...cell, decision: "confirm" });
  }
  if (body.decision === "handoff") {
    const team = await tx.team.findUnique({ where: { name: body.handoff_team }, select: { id: true } });
    if (!team) throw new AppError("invalid", `There is no team named "${body.handoff_team}".`, { fieldErrors: { handoff_team: ["No such team."] } });
    return parseDecision({ ...cell, decision: "handoff", handoffTeamId: team.id });
  }
  const emails = [body.accountable_email, ...body.responsible_emails];
  const people = await tx.person.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const idOf = new Map(people.map((person) => [person.email, person.id]));
  const unknown = emails.filter((email) => !idOf.has(email));
  if (unknown.length > 0) throw new AppError("invalid", `There is no person with the email ${unknown.join(", ")}.`);
  return parseDecision({
    ...cell,
    decision: "change",
    accountableId: idOf.get(body.accountable_email),
    responsibleIds: body.responsible_emails.map((email) => idOf.get(email)),
  });
}

/** The cell with the decision now saved on it: the whole review would cost a large team's thousands of cells per call. */
export async function decideApiItem(tx: Tx, user: PolicyUser, review: LockedReview, body: DecisionBody, audit: Audit) {
  const { item } = await decideItem(tx, user, review, await toDecideInput(tx, body), audit);
  const saved = await tx.reviewItem.findUniqueOrThrow({
    where: { reviewId_assetId_concernId: { reviewId: review.id, assetId: item.assetId, concernId: item.concernId } },
    select: itemSelect,
  });
  return { asset_key: item.assetKey, concern_key: item.concernKey, decision: toDecision(saved) };
}

export async function submitApiReview(tx: Tx, user: PolicyUser, review: LockedReview, audit: Audit) {
  await submitReview(tx, user, review, audit);
  return getApiReview(String(review.id), tx);
}
