import type { PolicyUser } from "@/lib/auth/policy";
import type { AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { loadCellState } from "@/lib/ownership/cell-state";
import { listCellsHandedOffTo } from "@/lib/ownership/handoffs";
import { computeReviewScope, type ReviewDecision } from "@/lib/rules";
import { ensureEditable, type LockedReview } from "./access";
import { claimReview } from "./cycles";
import { describeItemForAudit, itemViewSelect, toItemView, type ItemView } from "./item-view";
import { listUndecided } from "./review-cells";
import { FLAG_REASON_TO_DB, type CellRef, type DecideItemInput } from "./schemas";
import { loadReviewCells } from "./scope";

/**
 * The draft's writes: one decision per cell, saved as it is made (autosave), its undo, and "confirm all
 * unchanged". Each runs in the route's transaction on the review its policy (`reviewOfOwnTeam`) locked and
 * allowed, so the later of two managers' writes on the same cell wins and replaces the earlier one (one row
 * per cell: the unique key).
 */

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export interface DecideResult {
  item: ItemView;
  /** The decision this one replaced when someone else had made it: shown, so nothing is lost silently. */
  replaced: { decision: ReviewDecision; byName: string | null; at: Date } | null;
}

export async function decideItem(tx: Tx, user: PolicyUser, review: LockedReview, input: DecideItemInput, audit: Audit, now = new Date()): Promise<DecideResult> {
  const reviewId = review.id;
  ensureEditable(review, now);
  await claimReview(tx, review, user, audit);
  const cell = await findCellOfReview(tx, review, input, now);
  await checkDecision(tx, review, input, now);

  const where = { reviewId_assetId_concernId: { reviewId, assetId: cell.assetId, concernId: cell.concernId } };
  const previousRow = await tx.reviewItem.findUnique({ where, select: itemViewSelect });
  const data = {
    decision: input.decision,
    note: input.note,
    flagReason: input.decision === "flag" ? FLAG_REASON_TO_DB[input.flagReason] : null,
    handoffTeamId: input.decision === "handoff" ? input.handoffTeamId : null,
    decidedById: user.id,
    decidedAt: now,
  };
  const saved = await tx.reviewItem.upsert({ where, create: { reviewId, ...cell, ...data }, update: data, select: { id: true } });
  await tx.reviewItemNewOwner.deleteMany({ where: { reviewItemId: saved.id } });
  if (input.decision === "change") {
    await tx.reviewItemNewOwner.createMany({
      data: [
        { reviewItemId: saved.id, personId: input.accountableId, role: "A" as const },
        ...input.responsibleIds.map((personId) => ({ reviewItemId: saved.id, personId, role: "R" as const })),
      ],
    });
  }
  const item = toItemView(await tx.reviewItem.findUniqueOrThrow({ where: { id: saved.id }, select: itemViewSelect }));
  const previous = previousRow ? toItemView(previousRow) : null;
  await audit({
    action: "review-item.decided",
    entityType: "review",
    entityId: reviewId,
    before: previous ? describeItemForAudit(previous) : undefined,
    after: describeItemForAudit(item),
  });
  return {
    item,
    replaced:
      previous && previous.decidedById !== user.id
        ? { decision: previous.decision, byName: previous.decidedByName, at: previous.decidedAt }
        : null,
  };
}

/** "Undo decision": the cell is undecided again. Undoing an undecided cell changes nothing. */
export async function clearItem(tx: Tx, review: LockedReview, input: CellRef, audit: Audit, now = new Date()): Promise<{ cleared: boolean }> {
  const reviewId = review.id;
  ensureEditable(review, now);
  const existing = await tx.reviewItem.findFirst({
    where: { reviewId, asset: { key: input.assetKey }, concern: { key: input.concernKey } },
    select: { id: true, ...itemViewSelect },
  });
  if (!existing) return { cleared: false };
  await tx.reviewItem.delete({ where: { id: existing.id } });
  await audit({ action: "review-item.cleared", entityType: "review", entityId: reviewId, before: describeItemForAudit(toItemView(existing)) });
  return { cleared: true };
}

/** Decides every still-undecided cell of the review as confirmed, in one write. */
export async function confirmAllUnchanged(tx: Tx, user: PolicyUser, review: LockedReview, audit: Audit, now = new Date()): Promise<{ items: ItemView[] }> {
  const reviewId = review.id;
  ensureEditable(review, now);
  await claimReview(tx, review, user, audit);
  const decided = await tx.reviewItem.findMany({ where: { reviewId }, select: { assetId: true, concernId: true } });
  const { cells } = await loadReviewCells(tx, review.team, review.cycle, decided, now);
  const undecided = listUndecided(cells, decided);
  if (undecided.length === 0) return { items: [] };
  const created = await tx.reviewItem.createManyAndReturn({
    data: undecided.map((cell) => ({
      reviewId,
      assetId: cell.assetId,
      concernId: cell.concernId,
      decision: "confirm" as const,
      decidedById: user.id,
      decidedAt: now,
    })),
    select: { id: true },
  });
  const items = await tx.reviewItem.findMany({ where: { id: { in: created.map((row) => row.id) } }, select: itemViewSelect });
  await audit({
    action: "review.all-confirmed",
    entityType: "review",
    entityId: reviewId,
    after: { confirmed: undecided.length, cells: undecided.map((cell) => `${cell.assetKey}/${cell.concernKey}`) },
  });
  return { items: items.map(toItemView) };
}

/**
 * The cell must be one the review works on: in the team's scope now (the rule), or already decided in
 * this review. Without this check a review decision could change any cell of the organisation.
 */
async function findCellOfReview(tx: Tx, review: LockedReview, ref: CellRef, now: Date): Promise<{ assetId: number; concernId: number }> {
  const state = await loadCellState(tx, ref.assetKey, ref.concernKey, now);
  const label = `${state.asset.name} · ${state.concern.name}`;
  if (state.asset.lifecycle === "retired") {
    throw new AppError("invalid", `${state.asset.name} is retired: its cells have left the review.`);
  }
  const cell = { assetId: state.asset.id, concernId: state.concern.id };
  const alreadyDecided = await tx.reviewItem.findUnique({
    where: { reviewId_assetId_concernId: { reviewId: review.id, ...cell } },
    select: { id: true },
  });
  if (alreadyDecided) return cell;
  const handedOff = await listCellsHandedOffTo(tx, review.teamId, review.cycle.opensAt, review.cycle.timeZone);
  const inScope = computeReviewScope(review.team, [state.evaluated], state.people, handedOff).length > 0;
  if (!inScope) throw new AppError("invalid", `${label} is not in ${review.team.name}'s review of ${review.cycle.isoWeek}.`);
  return cell;
}

async function checkDecision(tx: Tx, review: LockedReview, input: DecideItemInput, now: Date): Promise<void> {
  if (input.decision === "change") {
    const ids = [input.accountableId, ...input.responsibleIds];
    const people = await tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, deactivatedAt: true } });
    for (const id of ids) {
      const person = people.find((p) => p.id === id);
      const field = id === input.accountableId ? "accountableId" : "responsibleIds";
      if (!person) throw new AppError("invalid", "One of the people chosen does not exist.", { fieldErrors: { [field]: ["This person does not exist: choose again."] } });
      if (person.deactivatedAt && person.deactivatedAt <= now) {
        throw new AppError("invalid", `${person.name} has left the organisation and cannot take on a role.`, {
          fieldErrors: { [field]: [`${person.name} has left the organisation.`] },
        });
      }
    }
  }
  if (input.decision === "handoff") {
    if (input.handoffTeamId === review.teamId) {
      throw new AppError("invalid", "Hand the cell to another team than your own.", { fieldErrors: { handoffTeamId: ["Choose another team."] } });
    }
    const team = await tx.team.findUnique({ where: { id: input.handoffTeamId }, select: { id: true } });
    if (!team) throw new AppError("invalid", "That team no longer exists.", { fieldErrors: { handoffTeamId: ["That team no longer exists."] } });
  }
}
