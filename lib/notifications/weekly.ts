import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { loadSnapshotAt } from "@/lib/ownership/current-snapshot";
import { listCellsHandedOffTo } from "@/lib/ownership/handoffs";
import { formatDueAt } from "@/lib/review/due";
import { cycleWindow, shiftIsoWeek } from "@/lib/review/iso-week";
import { computeReviewScope, type EvaluatedCell } from "@/lib/rules";
import { readOrganisationSettings } from "@/lib/settings/queries";
import { digestMessages } from "./digest";
import { notifyChannel, notifyPeople, type PersonMessage } from "./notify";

type Tx = Prisma.TransactionClient;

/**
 * The week's rhythm, in the organisation's time zone: the week opens Monday 00:00 (each manager gets their
 * review, and the digest goes to those who opted in), a reminder goes `reminderHoursBefore` hours before the due time (Friday 23:59) to managers who have
 * not submitted, and at the due time the overdue reviews are told to their managers and the admins. Each run is
 * a job of the queue (lib/notifications/jobs.ts) made a week ahead; `run` takes the instant it runs at, so a
 * week can be played (`npm run jobs -- run-due --at ...`).
 */

export const SCHEDULED_KINDS = ["week-opened", "weekly-digest", "review-reminder", "review-overdue"] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];
export interface ScheduledJob {
  kind: ScheduledKind;
  isoWeek: string;
}

export const scheduledRunKey = (job: ScheduledJob) => `${job.kind}:${job.isoWeek}`;

/** When each run of a week is due. */
export function scheduledInstants(isoWeek: string, timeZone: string, reminderHoursBefore: number): { job: ScheduledJob; at: Date }[] {
  const { opensAt, dueAt } = cycleWindow(isoWeek, timeZone);
  return [
    { job: { kind: "week-opened", isoWeek }, at: opensAt },
    { job: { kind: "weekly-digest", isoWeek }, at: opensAt },
    { job: { kind: "review-reminder", isoWeek }, at: new Date(dueAt.getTime() + 1 - reminderHoursBefore * 3_600_000) },
    { job: { kind: "review-overdue", isoWeek }, at: new Date(dueAt.getTime() + 1) },
  ];
}

interface TeamWeek {
  team: { id: number; name: string; function: "marketing" | "it" | "other" };
  managerIds: number[];
  cells: EvaluatedCell[];
  handedOff: number;
  decided: number;
  submitted: boolean;
}

/** Every team with a manager, with its review of the week as it stands at `now`. */
async function loadTeamWeeks(db: Db, isoWeek: string, timeZone: string, now: Date): Promise<TeamWeek[]> {
  const [teams, snapshot, reviews] = await Promise.all([
    db.team.findMany({ where: { members: { some: { role: "manager", deactivatedAt: null } } }, orderBy: { name: "asc" }, select: { id: true, name: true, function: true, members: { where: { role: "manager", deactivatedAt: null }, select: { id: true } } } }),
    loadSnapshotAt(db, now),
    db.review.findMany({ where: { cycle: { isoWeek } }, select: { teamId: true, status: true, _count: { select: { items: true } } } }),
  ]);
  const { opensAt } = cycleWindow(isoWeek, timeZone);
  return Promise.all(
    teams.map(async (team) => {
      const handedOff = await listCellsHandedOffTo(db, team.id, opensAt, timeZone);
      const review = reviews.find((row) => row.teamId === team.id);
      return {
        team: { id: team.id, name: team.name, function: team.function },
        managerIds: team.members.map((member) => member.id),
        cells: computeReviewScope(team, snapshot.cells, snapshot.people, handedOff),
        handedOff: handedOff.length,
        decided: review?._count.items ?? 0,
        submitted: review?.status === "submitted",
      };
    }),
  );
}

const gapKeys = (cells: readonly EvaluatedCell[]) => new Set(cells.flatMap((cell) => cell.gaps.map((gap) => `${cell.assetId}:${cell.concernId}:${gap.type}`)));
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Runs one scheduled job as of `now`, writing its messages and its run in one transaction; returns how many messages are new. */
export async function runScheduledJob(job: ScheduledJob, now: Date, db: Db = getPrisma()): Promise<number> {
  const settings = await readOrganisationSettings(db);
  const { dueAt } = cycleWindow(job.isoWeek, settings.timeZone);
  const due = formatDueAt(dueAt, settings.timeZone);
  // The digest reports on last week's reviews; every other run on its own week's.
  const reviewedWeek = job.kind === "weekly-digest" ? shiftIsoWeek(job.isoWeek, -1) : job.isoWeek;
  const weeks = (await loadTeamWeeks(db, reviewedWeek, settings.timeZone, now)).filter((week) => week.cells.length > 0);
  const messages: PersonMessage[] = [];
  const chats: Parameters<typeof notifyChannel>[1][] = [];
  if (job.kind === "week-opened") {
    const before = await loadSnapshotAt(db, new Date(now.getTime() - 7 * 24 * 3_600_000));
    for (const week of weeks) {
      const earlier = gapKeys(computeReviewScope(week.team, before.cells, before.people, []));
      const newGaps = [...gapKeys(week.cells)].filter((key) => !earlier.has(key)).length;
      const title = `${week.team.name}: the review of ${job.isoWeek} is open (${plural(week.cells.length, "cell")})`;
      const body = [
        `${week.team.name}'s weekly ownership review of ${job.isoWeek} is open, due ${due}.`,
        `${plural(week.cells.length, "cell")} to confirm, change, flag or hand off; ${plural(week.handedOff, "hand-off")} received from other teams; ${plural(newGaps, "gap")} new since last week.`,
      ].join("\n\n");
      for (const personId of week.managerIds) messages.push({ kind: "week_opened", personId, dedupeKey: `week-opened:${job.isoWeek}:person:${personId}`, title, body, link: "/review", notBefore: now });
      chats.push({ kind: "week_opened", teamId: week.team.id, dedupeKey: `week-opened:${job.isoWeek}:team:${week.team.id}`, title, body, link: "/review" });
    }
  } else if (job.kind === "weekly-digest") {
    const overdue = weeks.filter((week) => !week.submitted);
    messages.push(...(await digestMessages(db, job.isoWeek, now, overdue.map((week) => week.team.name))));
  } else if (job.kind === "review-reminder") {
    for (const week of weeks.filter((entry) => !entry.submitted)) {
      const title = `Reminder: ${week.team.name}'s review is due ${due}`;
      const body = `${plural(week.decided, "cell")} of ${week.cells.length} decided so far. Submit the review of ${job.isoWeek} before ${due}.`;
      for (const personId of week.managerIds) messages.push({ kind: "review_reminder", personId, dedupeKey: `review-reminder:${job.isoWeek}:person:${personId}`, title, body, link: "/review", notBefore: now });
    }
  } else {
    const overdue = weeks.filter((entry) => !entry.submitted);
    for (const week of overdue) {
      const title = `${week.team.name}'s review of ${job.isoWeek} is overdue`;
      const body = `It was due ${due}; ${plural(week.decided, "cell")} of ${week.cells.length} decided. Submitting it now still counts, as late.`;
      for (const personId of week.managerIds) messages.push({ kind: "review_overdue", personId, dedupeKey: `review-overdue:${job.isoWeek}:person:${personId}`, title, body, link: "/review", notBefore: now });
    }
    if (overdue.length > 0) {
      const admins = await db.person.findMany({ where: { role: "admin", deactivatedAt: null }, select: { id: true } });
      const title = `${plural(overdue.length, "review")} of ${job.isoWeek} overdue`;
      const body = `Not submitted by ${due}:\n\n${overdue.map((week) => `- ${week.team.name}: ${week.decided} of ${week.cells.length} decided`).join("\n")}`;
      for (const admin of admins) messages.push({ kind: "review_overdue", personId: admin.id, dedupeKey: `review-overdue:${job.isoWeek}:admin:${admin.id}`, title, body, link: "/review/history", notBefore: now });
      chats.push({ kind: "review_overdue", teamId: null, dedupeKey: `review-overdue:${job.isoWeek}:organisation`, title, body, link: "/review/history" });
    }
  }
  return db.$transaction(async (tx: Tx) => {
    const created = await notifyPeople(tx, messages);
    for (const chat of chats) await notifyChannel(tx, chat);
    await tx.scheduledRun.upsert({ where: { key: scheduledRunKey(job) }, create: { key: scheduledRunKey(job), ranAt: now }, update: {} });
    return created;
  });
}
