import type { RaciRole, ReviewDecision } from "@/lib/rules/types";
import { FLAG_NOTES } from "./names";
import type { BenchCell, BenchOrganisation, BenchReview } from "./organisation-types";
import { createRandom, deriveSeed } from "./random";

const DAY = 86_400_000;
const FLAG_REASONS = Object.keys(FLAG_NOTES) as (keyof typeof FLAG_NOTES)[];

export type ReviewRecord =
  | {
      kind: "item";
      id: number;
      reviewId: number;
      assetId: number;
      concernId: number;
      decision: ReviewDecision;
      note: string | null;
      flagReason: keyof typeof FLAG_NOTES | null;
      handoffTeamId: number | null;
      decidedById: number;
      decidedAt: Date;
    }
  | { kind: "new-owner"; reviewItemId: number; personId: number; role: RaciRole }
  | {
      kind: "confirmation";
      id: number;
      assignmentId: number;
      confirmedAt: Date;
      confirmedById: number;
      reviewId: number;
    };

/**
 * The decisions of every review and the confirmations its submit made, in review order. They are
 * streamed, not stored: a year of a large organisation's reviews holds millions of rows. Each review
 * draws from its own seed, so every pass over the history yields the same rows with the same ids.
 *
 * A team looks at a third of its cells each week (those in scope then): mostly confirmations, some flags
 * and hand-offs to the other department, and the changes that started new owners in that review. A
 * submitted confirmation attests the cell's current accountable and responsible owners who are still
 * there, as `applyConfirm` does. Drafts decided part of their cells and confirmed nothing.
 */
export function* reviewRecords(org: BenchOrganisation): Generator<ReviewRecord> {
  const assets = new Map(org.assets.map((asset) => [asset.id, asset]));
  const departures = new Map(
    org.people.map((person) => [person.id, person.deactivatedAt?.getTime() ?? Number.POSITIVE_INFINITY]),
  );
  const teams = new Map(org.teams.map((team) => [team.id, team]));
  const byTeamAndRotation = new Map<string, number[]>();
  const changedIn = new Map<number, Set<number>>();
  org.cells.forEach((cell, index) => {
    if (!cell.neglected && cell.reviewTeamId !== null) {
      const key = `${cell.reviewTeamId}:${cell.rotation}`;
      const list = byTeamAndRotation.get(key);
      if (list) list.push(index);
      else byTeamAndRotation.set(key, [index]);
    }
    for (const slot of cell.slots) {
      for (const spell of slot.spells) {
        if (spell.reviewId !== null)
          changedIn.set(spell.reviewId, (changedIn.get(spell.reviewId) ?? new Set()).add(index));
      }
    }
  });
  const inScopeAt = (cell: BenchCell, at: number) => {
    const asset = assets.get(cell.assetId)!;
    return asset.createdAt.getTime() <= at && !(asset.retiredAt && asset.retiredAt.getTime() <= at);
  };

  let itemId = 0;
  let confirmationId = 0;
  for (const review of org.reviews) {
    const random = createRandom(deriveSeed(org.seed, 1, review.id));
    const at = review.decidedAt.getTime();
    const changed = changedIn.get(review.id) ?? new Set<number>();
    const rotation = byTeamAndRotation.get(`${review.teamId}:${review.cycleId % 3}`) ?? [];
    let cellIndexes = [...new Set([...rotation, ...changed])]
      .filter((index) => inScopeAt(org.cells[index]!, at))
      .sort((a, b) => a - b);
    if (review.status === "draft")
      cellIndexes = cellIndexes.slice(
        0,
        Math.floor(cellIndexes.length * (review.weeksAgo === 0 ? 0.4 : 0.5)),
      );
    const reviewer = teams.get(review.teamId)!;

    for (const index of cellIndexes) {
      const cell = org.cells[index]!;
      const owners = currentOwners(cell, at);
      const decision = decide(
        random.next(),
        changed.has(index),
        owners.some((owner) => owner.role === "A"),
      );
      const flagReason = decision === "flag" ? random.pick(FLAG_REASONS) : null;
      const asset = assets.get(cell.assetId)!;
      const handoffTeamId =
        decision === "handoff"
          ? reviewer.function === "marketing"
            ? asset.itTeamId
            : asset.marketingTeamId
          : null;
      const id = ++itemId;
      yield {
        kind: "item",
        id,
        reviewId: review.id,
        assetId: cell.assetId,
        concernId: cell.concernId,
        decision,
        note: flagReason
          ? FLAG_NOTES[flagReason]
          : decision === "handoff"
            ? "This needs an owner in the other department."
            : null,
        flagReason,
        handoffTeamId,
        decidedById: review.managerId,
        decidedAt: decidedAt(review, random.next()),
      };
      if (review.status !== "submitted") continue;
      if (decision === "change") {
        const seen = new Set<string>();
        for (const owner of owners) {
          if (seen.has(`${owner.personId}:${owner.role}`)) continue;
          seen.add(`${owner.personId}:${owner.role}`);
          yield { kind: "new-owner", reviewItemId: id, personId: owner.personId, role: owner.role };
        }
      }
      if (decision !== "confirm" && decision !== "change") continue;
      for (const owner of owners) {
        if (departures.get(owner.personId)! <= at) continue;
        yield {
          kind: "confirmation",
          id: ++confirmationId,
          assignmentId: owner.assignmentId,
          confirmedAt: review.decidedAt,
          confirmedById: review.managerId,
          reviewId: review.id,
        };
      }
    }
  }
}

function decide(roll: number, changed: boolean, hasAccountable: boolean): ReviewDecision {
  if (changed) return "change";
  if (!hasAccountable) return roll < 0.3 ? "flag" : "confirm";
  if (roll < 0.015) return "flag";
  if (roll < 0.022) return "handoff";
  return "confirm";
}

function decidedAt(review: BenchReview, roll: number): Date {
  const at = review.decidedAt.getTime() - roll * 2 * DAY;
  return new Date(Math.max(at, review.createdAt.getTime()));
}

/** The accountable and responsible assignments current at `at`. */
function currentOwners(
  cell: BenchCell,
  at: number,
): { assignmentId: number; personId: number; role: RaciRole }[] {
  const owners: { assignmentId: number; personId: number; role: RaciRole }[] = [];
  for (const slot of cell.slots) {
    if (slot.role !== "A" && slot.role !== "R") continue;
    for (const spell of slot.spells) {
      if (spell.startedAt.getTime() <= at && (spell.endedAt === null || spell.endedAt.getTime() > at)) {
        owners.push({ assignmentId: spell.assignmentId, personId: spell.personId, role: slot.role });
      }
    }
  }
  return owners;
}
