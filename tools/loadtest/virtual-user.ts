import {
  acknowledgeEdit,
  nextEdit,
  toggledCellFrom,
  type CurrentCell,
  type ToggledCell,
} from "./cell-toggle";
import { describe, HttpSession, type Answer, type Recorder } from "./http-session";
import { chooseAction, chooseDecision, type DecisionBody, type VirtualUserPlan } from "./mix";
import { readReviewPage } from "./review-page";
import { writeKey, type WriteLog } from "./verify-writes";

/** One virtual user: a signed-in session and the cells and review items that are its own to write. */

export interface VirtualUser {
  plan: VirtualUserPlan;
  session: HttpSession;
  personId: number;
  random: () => number;
  /** Its share of its team's review, when it has a draft to work on. */
  review: { id: number; cells: string[] } | null;
  cells: ToggledCell[];
  writesSent: number;
}

export type WriteKind = "cell-edit" | "review-decision" | "refused-write";

export interface WriteOutcomes {
  acknowledged: number;
  /** 403 or 409: the server said no and wrote nothing (for viewers, what must happen). */
  refused: number;
  /** No response, or a 5xx: whether it was written is unknown. */
  unanswered: number;
  unexpected: number;
}

export interface RunLog {
  runId: string;
  writes: WriteLog;
  outcomes: Record<WriteKind, WriteOutcomes>;
  /** A few examples of unexpected answers, for the report. */
  unexpectedAnswers: string[];
}

export function createRunLog(runId: string, writes: WriteLog): RunLog {
  const none = (): WriteOutcomes => ({ acknowledged: 0, refused: 0, unanswered: 0, unexpected: 0 });
  return {
    runId,
    writes,
    outcomes: { "cell-edit": none(), "review-decision": none(), "refused-write": none() },
    unexpectedAnswers: [],
  };
}

export async function signInVirtualUser(
  plan: VirtualUserPlan,
  origin: string,
  password: string,
  recorder: Recorder,
  random: () => number,
): Promise<VirtualUser> {
  const session = new HttpSession(origin, recorder);
  const me = (await session.signIn(plan.email, password)) as { user?: { id?: number } } | null;
  const personId = me?.user?.id;
  if (typeof personId !== "number") throw new Error(`Signed in as ${plan.email}, but /api/me did not say who: ${JSON.stringify(me)}.`);
  return { plan, session, personId, random, review: null, cells: [], writesSent: 0 };
}

/** The manager's review of the week, created as the board does before its first decision when it has no row yet. */
export async function openOwnReview(user: VirtualUser): Promise<{ reviewId: number; cells: string[] } | null> {
  const answer = await user.session.get("page", "/review", "/review");
  if (answer.status !== 200) throw new Error(`${user.plan.email} could not open /review: ${describe(answer)}.`);
  const page = readReviewPage(answer.body);
  if (!page) return null;
  if (page.reviewId !== null) return { reviewId: page.reviewId, cells: page.cells };
  const opened = await user.session.writeJson("page", "POST", "/api/reviews", { teamId: page.teamId, isoWeek: page.isoWeek });
  const id = opened.status === 200 ? (JSON.parse(opened.body) as { data?: { id?: number } }).data?.id : undefined;
  if (typeof id !== "number") throw new Error(`${user.plan.email} could not open the review of ${page.isoWeek}: ${describe(opened)}.`);
  return { reviewId: id, cells: page.cells };
}

/**
 * The edit route has no read counterpart: a save against a version no cell can have answers 409 with
 * the cell's current version and holders and writes nothing, as when someone else saved first.
 */
export async function probeCell(user: VirtualUser, cell: string): Promise<ToggledCell | Answer> {
  const body = { expectedVersion: "load-test-probe", add: [{ personId: user.personId, role: "I" }] };
  const answer = await user.session.writeJson("cell-edit", "POST", cellPath(cell), body);
  const current = answer.status === 409 ? currentCellOf(answer) : null;
  return current ? toggledCellFrom(cell, current, user.personId) : answer;
}

export async function runVirtualUser(
  user: VirtualUser,
  until: number,
  log: RunLog,
  refusedWriteTarget: RefusedWriteTarget,
): Promise<void> {
  if (user.plan.role === "viewer") await sendRefusedWrite(user, log, refusedWriteTarget);
  while (Date.now() < until) {
    const action = chooseAction(user.plan.role, user.random, {
      cellEdit: user.cells.length > 0,
      reviewDecision: Boolean(user.review?.cells.length),
    });
    if (action.kind === "page") await user.session.get("page", action.path, action.path);
    else if (action.kind === "cell-edit") await editCell(user, log);
    else await decideItem(user, log);
  }
}

async function editCell(user: VirtualUser, log: RunLog) {
  const index = Math.floor(user.random() * user.cells.length);
  const cell = user.cells[index]!;
  const edit = nextEdit(cell, user.personId);
  const answer = await user.session.writeJson("cell-edit", "POST", cellPath(cell.cell), edit);
  const outcome = classify(answer, log, "cell-edit", writeKey(cell));
  if (outcome === "acknowledged") {
    const { version } = (JSON.parse(answer.body) as { data: { version: string } }).data;
    const acknowledged = acknowledgeEdit(cell, edit, user.personId, version);
    user.cells[index] = acknowledged.cell;
    log.writes.cellEdits.push(acknowledged.write);
  } else if (outcome === "refused") {
    const current = currentCellOf(answer);
    if (current) user.cells[index] = toggledCellFrom(cell.cell, current, user.personId);
  }
}

async function decideItem(user: VirtualUser, log: RunLog) {
  const review = user.review!;
  const cell = review.cells[Math.floor(user.random() * review.cells.length)]!;
  const body = chooseDecision(cell, user.random, noteFor(user, log), user.personId);
  const answer = await user.session.writeJson(
    "review-decision",
    "PUT",
    `/api/reviews/${review.id}/items`,
    body,
  );
  const outcome = classify(answer, log, "review-decision", writeKey({ reviewId: review.id, cell }));
  if (outcome === "acknowledged") log.writes.decisions.push(acknowledgedDecision(review.id, cell, body));
  else if (outcome === "refused")
    log.writes.refused.push({ kind: "review-decision", reviewId: review.id, cell, note: body.note });
}

export interface RefusedWriteTarget {
  cell: string;
  review: { id: number; cell: string } | null;
}

/** Half the viewers try to edit a cell, the other half to decide a review item: both must answer 403. */
async function sendRefusedWrite(user: VirtualUser, log: RunLog, target: RefusedWriteTarget) {
  const outcomes = log.outcomes["refused-write"];
  let answer: Answer;
  if (user.plan.index % 2 === 0 || !target.review) {
    const body = { expectedVersion: "load-test-viewer", add: [{ personId: user.personId, role: "I" }] };
    answer = await user.session.writeJson("refused-write", "POST", cellPath(target.cell), body);
    log.writes.refused.push({ kind: "cell-edit", cell: target.cell, personId: user.personId });
  } else {
    const body = chooseDecision(target.review.cell, user.random, noteFor(user, log), user.personId);
    answer = await user.session.writeJson(
      "refused-write",
      "PUT",
      `/api/reviews/${target.review.id}/items`,
      body,
    );
    log.writes.refused.push({
      kind: "review-decision",
      reviewId: target.review.id,
      cell: target.review.cell,
      note: body.note,
    });
  }
  if (answer.status === 403) outcomes.refused++;
  else if (answer.status === 0 || answer.status >= 500) outcomes.unanswered++;
  else {
    outcomes[answer.status === 200 ? "acknowledged" : "unexpected"]++;
    noteUnexpected(
      log,
      `viewer ${user.plan.email}: a write that must be refused answered ${describe(answer)} ${answer.body.slice(0, 200)}`,
    );
  }
}

function classify(answer: Answer, log: RunLog, kind: WriteKind, key: string): keyof WriteOutcomes {
  const outcome: keyof WriteOutcomes =
    answer.status === 200 && isAcknowledged(answer)
      ? "acknowledged"
      : answer.status === 403 || answer.status === 409
        ? "refused"
        : answer.status === 0 || answer.status >= 500
          ? "unanswered"
          : "unexpected";
  log.outcomes[kind][outcome]++;
  if (outcome === "unanswered") log.writes.unanswered.add(key);
  if (outcome === "unexpected")
    noteUnexpected(log, `${kind} ${key}: ${describe(answer)} ${answer.body.slice(0, 200)}`);
  return outcome;
}

function isAcknowledged(answer: Answer): boolean {
  try {
    return (JSON.parse(answer.body) as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}

function currentCellOf(answer: Answer): CurrentCell | null {
  try {
    const current = (JSON.parse(answer.body) as { current?: CurrentCell }).current;
    return current && typeof current.version === "string" && Array.isArray(current.holders) ? current : null;
  } catch {
    return null;
  }
}

function acknowledgedDecision(reviewId: number, cell: string, body: DecisionBody) {
  return {
    reviewId,
    cell,
    decision: body.decision,
    note: body.note,
    flagReason: body.decision === "flag" ? body.flagReason : null,
    accountableId: body.decision === "change" ? body.accountableId : null,
  };
}

function noteFor(user: VirtualUser, log: RunLog): string {
  return `load test ${log.runId} user ${user.plan.index} write ${++user.writesSent}`;
}

function noteUnexpected(log: RunLog, example: string) {
  if (log.unexpectedAnswers.length < 10) log.unexpectedAnswers.push(example);
}

function cellPath(cell: string): string {
  const [assetKey, concernKey] = cell.split("/");
  return `/api/cells/${encodeURIComponent(assetKey!)}/${encodeURIComponent(concernKey!)}`;
}
