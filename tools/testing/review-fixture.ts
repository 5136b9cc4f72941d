import { expect } from "vitest";
import { recordAudit, type AuditEntry } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { seedDemoOrganisation } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import type { EvaluatedCell } from "@/lib/rules";
import { authorizeAs } from "@/tools/testing/authorize";
import { reviewOfOwnTeam, type LockedReview } from "@/lib/review/access";
import { loadBoardOf, type ReviewBoard } from "@/lib/review/board";
import { openReview } from "@/lib/review/cycles";
import { getReviewHeader } from "@/lib/review/header";
import { isoWeekOf } from "@/lib/review/iso-week";
import { loadReviewCells } from "@/lib/review/scope";

/** Shared set-up of the review's integration tests: the demo seeded as of a fixed Wednesday. */

export const NOW = new Date("2026-11-25T10:00:00.000Z");
export const NEXT_WEEK = new Date("2026-12-02T10:00:00.000Z");

type Tx = Prisma.TransactionClient;
type Audit = (entry: Omit<AuditEntry, "actorId">) => Promise<void>;

export interface ReviewFixture {
  users: Record<"admin" | "marketingManager" | "itManager" | "dataManager" | "viewer", PolicyUser>;
  personId: Record<string, number>;
  teamId: Record<string, number>;
}

export async function seedReviewFixture(db: Db): Promise<ReviewFixture> {
  await seedDemoOrganisation(db, NOW);
  const people = await db.person.findMany({ select: { id: true, email: true, role: true, teamId: true, team: { select: { function: true } } } });
  const teams = await db.team.findMany({ select: { id: true, name: true } });
  const asUser = (email: string): PolicyUser => {
    const person = people.find((p) => p.email === email)!;
    return { id: person.id, role: person.role as PolicyUser["role"], teamId: person.teamId, teamFunction: person.team?.function ?? null };
  };
  return {
    users: {
      admin: asUser("admin@example.org"),
      marketingManager: asUser("marketing.manager@example.org"),
      itManager: asUser("it.manager@example.org"),
      dataManager: asUser("chen.wei@example.org"),
      viewer: asUser("viewer@example.org"),
    },
    personId: Object.fromEntries(people.map((p) => [p.email, p.id])),
    teamId: Object.fromEntries(teams.map((t) => [t.name, t.id])),
  };
}

/** Runs a review write as the route would: in one transaction, audit events by the user. */
export function asWrite<T>(db: Db, user: PolicyUser, write: (tx: Tx, audit: Audit) => Promise<T>): Promise<T> {
  return db.$transaction((tx) => write(tx, (entry) => recordAudit(tx, { ...entry, actorId: user.id })), { timeout: 30_000 });
}

/** Runs a write to a review as its routes do: their policy locks the review and checks the user, then the write runs on it. */
export function asReviewWrite<T>(db: Db, user: PolicyUser, reviewId: number, write: (tx: Tx, review: LockedReview, audit: Audit) => Promise<T>): Promise<T> {
  return asWrite(db, user, async (tx, audit) => write(tx, await authorizeAs(reviewOfOwnTeam, { user, tx, input: undefined, params: { id: String(reviewId) } }), audit));
}

export function openTeamReview(db: Db, user: PolicyUser, teamId: number, now = NOW): Promise<number> {
  return asWrite(db, user, (tx, audit) => openReview(tx, user, teamId, isoWeekOf(now, "UTC"), "UTC", audit));
}

export async function reviewCellsOf(db: Db, teamId: number, now = NOW, reviewId?: number): Promise<EvaluatedCell[]> {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { id: true, function: true } });
  const decided = reviewId ? await db.reviewItem.findMany({ where: { reviewId }, select: { assetId: true, concernId: true } }) : [];
  return (await loadReviewCells(db, team, { isoWeek: isoWeekOf(now, "UTC"), timeZone: "UTC" }, decided, now)).cells;
}

export async function expectRefused(promise: Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  return error as AppError;
}

/** Row counts that any refused or repeated write must leave unchanged. */
export async function countRows(db: Db) {
  const [assignments, confirmations, items, newOwners, audit, submitted] = await Promise.all([
    db.assignment.count(),
    db.assignmentConfirmation.count(),
    db.reviewItem.count(),
    db.reviewItemNewOwner.count(),
    db.auditEvent.count(),
    db.review.count({ where: { status: "submitted" } }),
  ]);
  return { assignments, confirmations, items, newOwners, audit, submitted };
}

/** One page of a review's board, as the review screen loads it for `viewer`. */
export async function loadBoardPage(db: Db, reviewId: number, viewer: PolicyUser, now: Date): Promise<ReviewBoard> {
  const header = await getReviewHeader(db, reviewId, viewer, now);
  if (!header) throw new Error(`No review ${reviewId}`);
  return (await loadBoardOf(db, header, now, { page: 1, undecidedOnly: false })).board;
}
