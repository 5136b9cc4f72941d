import type { PolicyUser } from "@/lib/auth/policy";
import type { AuditEntry } from "@/lib/audit/record";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { notifyHandoffs } from "@/lib/notifications/review-events";
import { computeReviewScope } from "@/lib/rules";
import { watchCells } from "@/lib/webhooks/cell-watch";
import { emitReviewSubmitted } from "@/lib/webhooks/domain-events";
import { ensureEditable, lockReview, type LockedReview } from "./access";
import { applyChange, applyConfirm, type ApplyContext } from "./apply-items";
import { listDecisionsOutsideScope, nameCells } from "./decision-scope";
import { compareReviewOrder, describeUndecided, listUndecided } from "./review-cells";
import { loadReviewCells } from "./scope";

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export interface SubmitResult {
  submittedAt: Date;
  /** True when the review had already been submitted: nothing was done this time. */
  alreadySubmitted: boolean;
  applied: { confirmed: number; changed: number; flagged: number; handedOff: number };
}

export interface SubmitOptions {
  /** Called after each applied decision; tests throw from it to prove a failure midway applies nothing. */
  afterEachItem?: (applied: number, total: number) => void | Promise<void>;
}

const submitItemSelect = {
  id: true,
  assetId: true,
  concernId: true,
  decision: true,
  handoffTeamId: true,
  asset: { select: { key: true, name: true, criticality: true, lifecycle: true } },
  concern: { select: { key: true, name: true } },
  newOwners: { select: { personId: true, role: true, person: { select: { name: true, email: true, deactivatedAt: true } } } },
} as const;

/**
 * Submits a review in the caller's transaction, on the review its policy (`reviewOfOwnTeam`) locked and
 * allowed: refused while a cell of it is undecided; otherwise every change and confirmation is applied and
 * the review is marked submitted, all or nothing. A second submit answers with the first one's time and
 * writes nothing.
 */
export async function submitReview(tx: Tx, user: PolicyUser, review: LockedReview, audit: Audit, now = new Date(), options: SubmitOptions = {}): Promise<SubmitResult> {
  const reviewId = review.id;
  if (review.status === "submitted" && review.submittedAt) {
    return { submittedAt: review.submittedAt, alreadySubmitted: true, applied: { confirmed: 0, changed: 0, flagged: 0, handedOff: 0 } };
  }
  ensureEditable(review, now);

  const items = await tx.reviewItem.findMany({ where: { reviewId }, select: submitItemSelect });
  // The decided cells' asset rows, locked as a matrix edit locks them (in one order, so two submits cannot
  // deadlock): an edit either committed before the scope is read below, or waits for this submit.
  const assetIds = [...new Set(items.map((item) => item.assetId))].sort((a, b) => a - b);
  if (assetIds.length > 0) await tx.$queryRaw`SELECT id FROM "Asset" WHERE id = ANY(${assetIds}::int[]) ORDER BY id FOR UPDATE`;
  const { cells, snapshot, handedOff } = await loadReviewCells(tx, review.team, review.cycle, items, now);
  const undecided = listUndecided(cells, items);
  if (undecided.length > 0) {
    throw new AppError(
      "invalid",
      `${describeUndecided(undecided.length)}: decide ${undecided.length === 1 ? "it" : "them"} (or use “Confirm all unchanged”) before submitting.`,
    );
  }

  // Retired assets left scope after they were decided: their decisions stay as history only.
  const applicable = items
    .filter((item) => item.asset.lifecycle !== "retired")
    .sort((a, b) =>
      compareReviewOrder(
        { assetCriticality: a.asset.criticality, assetKey: a.asset.key, concernKey: a.concern.key },
        { assetCriticality: b.asset.criticality, assetKey: b.asset.key, concernKey: b.concern.key },
      ),
    );
  checkNewOwnersActive(applicable, now);
  checkDecisionsInScope(review, listDecisionsOutsideScope(applicable, computeReviewScope(review.team, snapshot.cells, snapshot.people, handedOff), snapshot.cells));

  // A change moves holders, a confirmation freshens a stale cell, a flag flags it: every decided cell may change.
  const watch = await watchCells(tx, { cells: applicable.map((item) => ({ assetId: item.assetId, concernId: item.concernId })) }, now);
  const context: ApplyContext = { tx, audit, reviewId, userId: user.id, now };
  const applied = { confirmed: 0, changed: 0, flagged: 0, handedOff: 0 };
  const changedCells: string[] = [];
  let done = 0;
  for (const item of applicable) {
    const cell = { assetId: item.assetId, concernId: item.concernId, cellId: `${item.asset.key}/${item.concern.key}` };
    if (item.decision === "change") {
      const owners = item.newOwners
        .filter((owner) => owner.role === "A" || owner.role === "R")
        .map((owner) => ({ personId: owner.personId, role: owner.role as "A" | "R", name: owner.person.name, email: owner.person.email }));
      await applyChange(context, cell, owners);
      applied.changed++;
      changedCells.push(cell.cellId);
    } else if (item.decision === "confirm") {
      await applyConfirm(context, cell);
      applied.confirmed++;
    } else if (item.decision === "flag") {
      applied.flagged++;
    } else {
      applied.handedOff++;
    }
    done++;
    await options.afterEachItem?.(done, applicable.length);
  }

  await tx.review.update({
    where: { id: reviewId },
    data: { status: "submitted", submittedAt: now, submittedById: user.id, ...(review.managerId === null && user.role === "manager" ? { managerId: user.id } : {}) },
  });
  await audit({
    action: "review.submitted",
    entityType: "review",
    entityId: reviewId,
    before: { status: "draft" },
    after: { status: "submitted", submittedAt: now, isoWeek: review.cycle.isoWeek, team: review.team.name, ...applied, changedCells },
  });
  await watch?.emit(now);
  await emitReviewSubmitted(tx, {
    id: reviewId,
    isoWeek: review.cycle.isoWeek,
    teamName: review.team.name,
    submittedById: user.id,
    submittedAt: now,
    applied,
    handoffs: applicable.flatMap((item) => (item.decision === "handoff" && item.handoffTeamId !== null ? [{ assetKey: item.asset.key, concernKey: item.concern.key, toTeamId: item.handoffTeamId }] : [])),
  });
  await notifyHandoffs(
    tx,
    { id: reviewId, teamName: review.team.name, isoWeek: review.cycle.isoWeek },
    applicable.flatMap((item) => (item.decision === "handoff" && item.handoffTeamId !== null ? [{ handoffTeamId: item.handoffTeamId, assetName: item.asset.name, concernName: item.concern.name }] : [])),
  );
  return { submittedAt: now, alreadySubmitted: false, applied };
}

/**
 * A submitted review becomes a draft again, and its next submit applies again. Only an admin may: the
 * route's policy (`reviewReopeners`) checks it.
 */
export async function reopenReview(tx: Tx, reviewId: number, audit: Audit, now = new Date()): Promise<{ reopenedAt: Date }> {
  const review = await lockReview(tx, reviewId);
  if (review.status !== "submitted") throw new AppError("conflict", "This review is not submitted: there is nothing to reopen.");
  await tx.review.update({ where: { id: reviewId }, data: { status: "draft", reopenedAt: now, submittedAt: null, submittedById: null } });
  await audit({
    action: "review.reopened",
    entityType: "review",
    entityId: reviewId,
    before: { status: "submitted", submittedAt: review.submittedAt, submittedById: review.submittedById },
    after: { status: "draft", reopenedAt: now },
  });
  return { reopenedAt: now };
}

type SubmitItem = Prisma.ReviewItemGetPayload<{ select: typeof submitItemSelect }>;

/** A decision whose cell left the team's scope since it was made (an admin gave it to another team, say) refuses the submit. */
function checkDecisionsInScope(review: LockedReview, outside: SubmitItem[]): void {
  if (outside.length === 0) return;
  const named = nameCells(outside.map((item) => ({ assetName: item.asset.name, concernName: item.concern.name })));
  const one = outside.length === 1;
  throw new AppError(
    "conflict",
    `${named} ${one ? "is" : "are"} no longer in ${review.team.name}'s review: ${one ? "its" : "their"} owners changed since ${one ? "it was" : "they were"} decided. Clear ${one ? "that decision" : "those decisions"}, then submit again. Nothing was applied.`,
  );
}

/** Someone chosen as a new owner may have left since the decision: the whole submit is refused. */
function checkNewOwnersActive(items: SubmitItem[], now: Date): void {
  for (const item of items) {
    if (item.decision !== "change") continue;
    const gone = item.newOwners.find((owner) => owner.person.deactivatedAt && owner.person.deactivatedAt <= now);
    if (gone) {
      throw new AppError(
        "invalid",
        `${gone.person.name} has left the organisation since being chosen for ${item.asset.name} · ${item.concern.name}: change that decision, then submit again. Nothing was applied.`,
      );
    }
  }
}
