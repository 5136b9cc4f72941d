import os from "node:os";
import { createRandom } from "@/tools/bench/random";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "@/lib/demo/demo-catalog";
import type { ToggledCell } from "./cell-toggle";
import { describe, type Recorder } from "./http-session";
import { planVirtualUsers, type VirtualUserPlan } from "./mix";
import { assignExclusively } from "./partition";
import {
  summarizeRecords,
  summarizeRun,
  type LatencySummary,
  type RequestRecord,
  type RunSummary,
} from "./requests";
import { readStoredWrites } from "./stored-writes";
import { createWriteLog, verifyWrites, type WriteVerification } from "./verify-writes";
import {
  createRunLog,
  openOwnReview,
  probeCell,
  runVirtualUser,
  signInVirtualUser,
  type RefusedWriteTarget,
  type RunLog,
  type VirtualUser,
} from "./virtual-user";

/**
 * The load test: signs in the virtual users, gives each manager its own cells and review items, runs
 * the mix for the duration, then checks the database. Only the mix is timed for the report; signing
 * in and the set-up (opening reviews, reading cells) are reported apart.
 */

export interface LoadTestSettings {
  origin: string;
  users: number;
  durationSeconds: number;
  /** The server's database, for the check of the writes; null skips it. */
  databaseUrl: string | null;
  log: (line: string) => void;
}

export interface LoadTestResult {
  users: { managers: number; viewers: number; accounts: number };
  /** The client shares the machine with the server: its load says how much to trust the numbers. */
  machine: { cpus: number; loadBefore: number; loadAfter: number };
  setup: { editableCells: number; reviewItems: number; reviews: number };
  signIn: LatencySummary;
  run: RunSummary;
  log: RunLog;
  verification: WriteVerification | null;
  /** Every check that failed; an empty list is a pass. */
  failures: string[];
}

const DEMO_MANAGERS = DEMO_PEOPLE.filter((person) => person.role === "manager").map((person) => person.email);
const DEMO_VIEWERS = DEMO_PEOPLE.filter((person) => person.role === "viewer").map((person) => person.email);

class PhasedRecorder implements Recorder {
  readonly setup: RequestRecord[] = [];
  readonly run: RequestRecord[] = [];
  running = false;
  add(record: RequestRecord) {
    (this.running ? this.run : this.setup).push(record);
  }
}

export async function runLoadTest(settings: LoadTestSettings): Promise<LoadTestResult> {
  const { log } = settings;
  const recorder = new PhasedRecorder();
  const plans = planVirtualUsers(settings.users, DEMO_MANAGERS, DEMO_VIEWERS);

  log(`Signing in ${plans.length} users ...`);
  const users = await signInOneAtATimePerAccount(plans, (plan) =>
    signInVirtualUser(plan, settings.origin, DEMO_PASSWORD, recorder, createRandom(1_000 + plan.index).next),
  );
  const managers = users.filter((user) => user.plan.role === "manager");
  const setup = await shareOutWrites(managers);
  log(
    `Set up: ${setup.editableCells} cells to edit and ${setup.reviewItems} review items over ${setup.reviews} reviews, each with one writer.`,
  );

  const runLog = createRunLog(Date.now().toString(36), createWriteLog());
  const target = refusedWriteTarget(managers);
  log(`Running the mix for ${settings.durationSeconds} s ...`);
  const loadBefore = os.loadavg()[0]!;
  recorder.running = true;
  const started = performance.now();
  const until = Date.now() + settings.durationSeconds * 1_000;
  await Promise.all(users.map((user) => runVirtualUser(user, until, runLog, target)));
  const seconds = (performance.now() - started) / 1_000;
  recorder.running = false;
  const machine = { cpus: os.cpus().length, loadBefore, loadAfter: os.loadavg()[0]! };

  let verification: WriteVerification | null = null;
  if (settings.databaseUrl) {
    log("Checking the writes against the database ...");
    const written = {
      cells: [...new Set([...managers.flatMap((user) => user.cells.map((cell) => cell.cell)), target.cell])],
      reviewIds: [...new Set(managers.flatMap((user) => (user.review ? [user.review.id] : [])))],
    };
    verification = verifyWrites(runLog.writes, await readStoredWrites(settings.databaseUrl, written));
  }

  const signIn = summarizeRecords(
    "sign-in",
    recorder.setup.filter((record) => record.kind === "sign-in"),
    0,
  );
  const run = summarizeRun(recorder.run, seconds);
  return {
    users: {
      managers: managers.length,
      viewers: users.length - managers.length,
      accounts: new Set(plans.map((plan) => plan.email)).size,
    },
    machine,
    setup,
    signIn,
    run,
    log: runLog,
    verification,
    failures: findFailures(recorder, runLog, verification, managers.length > 0),
  };
}

/**
 * Each manager opens its review; every cell of a team's review scope is one the manager may edit, and
 * every cell and review item goes to one user only (tools/loadtest/partition.ts).
 */
async function shareOutWrites(managers: VirtualUser[]) {
  const reviews = await Promise.all(managers.map((user) => openOwnReview(user)));
  const cellCandidates = new Map(
    managers.map((user, index) => [user.plan.index, reviews[index]?.cells ?? []]),
  );
  const itemCandidates = new Map(
    managers.map((user, index) => {
      const review = reviews[index];
      return [user.plan.index, review ? review.cells.map((cell) => `${review.reviewId} ${cell}`) : []];
    }),
  );
  const cellsOf = assignExclusively(cellCandidates);
  const itemsOf = assignExclusively(itemCandidates);
  await Promise.all(
    managers.map(async (user, index) => {
      const review = reviews[index];
      const items = itemsOf.get(user.plan.index)!;
      user.review =
        review && items.length
          ? { id: review.reviewId, cells: items.map((item) => item.slice(item.indexOf(" ") + 1)) }
          : null;
      user.cells = await probeCells(user, cellsOf.get(user.plan.index)!);
    }),
  );
  return {
    editableCells: managers.reduce((sum, user) => sum + user.cells.length, 0),
    reviewItems: managers.reduce((sum, user) => sum + (user.review?.cells.length ?? 0), 0),
    reviews: new Set(reviews.flatMap((review) => (review ? [review.reviewId] : []))).size,
  };
}

/** A cell the server refuses to let this manager edit (403) is left out of its share. */
async function probeCells(user: VirtualUser, cells: readonly string[]): Promise<ToggledCell[]> {
  const editable: ToggledCell[] = [];
  for (const cell of cells) {
    const probed = await probeCell(user, cell);
    if ("version" in probed) editable.push(probed);
    else if (probed.status !== 403)
      throw new Error(
        `Reading cell ${cell} as ${user.plan.email} answered ${describe(probed)}: ${probed.body.slice(0, 200)}`,
      );
  }
  return editable;
}

function refusedWriteTarget(managers: VirtualUser[]): RefusedWriteTarget {
  const withReview = managers.find((user) => user.review?.cells.length);
  const cell =
    managers.find((user) => user.cells.length)?.cells[0]?.cell ??
    withReview?.review?.cells[0] ??
    "corporate-website/content";
  return {
    cell,
    review: withReview?.review ? { id: withReview.review.id, cell: withReview.review.cells[0]! } : null,
  };
}

function findFailures(
  recorder: PhasedRecorder,
  log: RunLog,
  verification: WriteVerification | null,
  hasManagers: boolean,
): string[] {
  const failures: string[] = [];
  const all = [...recorder.setup, ...recorder.run];
  const serverErrors = all.filter((record) => record.status >= 500).length;
  const noResponse = all.filter((record) => record.status === 0).length;
  const pagesNotOk = recorder.run.filter((record) => record.kind === "page" && record.status !== 200).length;
  if (serverErrors) failures.push(`${serverErrors} responses were 5xx.`);
  if (noResponse) failures.push(`${noResponse} requests got no response (network error or 30 s timeout).`);
  if (pagesNotOk) failures.push(`${pagesNotOk} page views did not answer 200.`);
  for (const [kind, outcomes] of Object.entries(log.outcomes)) {
    if (outcomes.unexpected)
      failures.push(`${outcomes.unexpected} ${kind} requests got an answer other than 200, 403 or 409.`);
  }
  if (log.outcomes["refused-write"].acknowledged) failures.push("A viewer's write was acknowledged.");
  if (hasManagers && log.outcomes["cell-edit"].acknowledged === 0)
    failures.push("No cell edit was acknowledged: the mix wrote nothing.");
  if (hasManagers && log.outcomes["review-decision"].acknowledged === 0)
    failures.push("No review decision was acknowledged: the mix wrote nothing.");
  if (verification) failures.push(...verification.failures);
  return failures;
}

/**
 * Sessions of one account sign in one after another, accounts side by side: the sign-in throttle compares at
 * most five passwords of one account at a time, right or wrong (issue 14), so twenty sessions of the viewer
 * signing in at once would be refused as an attack.
 */
async function signInOneAtATimePerAccount<User>(plans: readonly VirtualUserPlan[], signIn: (plan: VirtualUserPlan) => Promise<User>): Promise<User[]> {
  const users: User[] = new Array(plans.length);
  const byAccount = new Map<string, { plan: VirtualUserPlan; position: number }[]>();
  plans.forEach((plan, position) => byAccount.set(plan.email, [...(byAccount.get(plan.email) ?? []), { plan, position }]));
  await Promise.all(
    [...byAccount.values()].map(async (sessions) => {
      for (const { plan, position } of sessions) users[position] = await signIn(plan);
    }),
  );
  return users;
}
