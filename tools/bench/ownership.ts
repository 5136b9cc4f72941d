import type { RaciRole, TeamFunction } from "@/lib/rules/types";
import type {
  BenchAsset,
  BenchCatalog,
  BenchCell,
  BenchCycle,
  BenchPerson,
  BenchReview,
  BenchTeam,
  HolderSlot,
} from "./organisation-types";
import type { Random } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface OwnershipInput {
  assets: BenchAsset[];
  catalog: BenchCatalog;
  teams: BenchTeam[];
  people: BenchPerson[];
  cycles: BenchCycle[];
  reviews: BenchReview[];
  since: Date;
  now: Date;
  /** Current and ended assignments together; the history is grown until it reaches this. */
  targetAssignments: number;
}

/**
 * Who holds what, and who held it before. Each cell starts with an accountable and a responsible owner
 * from the asset's teams (on the right sides for shared concerns), sometimes people consulted and
 * informed, and deliberate gaps in realistic proportions. Then the year happens: some gaps get an owner
 * (coverage rises), people leave (most of their cells are handed over within days, the rest keep a
 * departed owner), and owners change, in a weekly review or in the app, until the history has the
 * requested number of assignments.
 */
export function buildOwnership(
  random: Random,
  input: OwnershipInput,
): { cells: BenchCell[]; assignmentCount: number } {
  const context = createContext(random, input);
  const cells = input.assets.flatMap((asset) =>
    input.catalog.concerns
      .filter((concern) => concern.kindKeys.includes(asset.kindKey))
      .map((concern) => planCell(context, asset, concern)),
  );
  closeSomeGapsDuringTheYear(context, cells);
  handOverFromLeavers(context, cells);
  const current = cells.reduce((sum, cell) => sum + cell.slots.length, 0);
  changeOwnersUntil(context, cells, input.targetAssignments - current);

  let assignmentCount = 0;
  for (const cell of cells)
    for (const slot of cell.slots) for (const spell of slot.spells) spell.assignmentId = ++assignmentCount;
  return { cells, assignmentCount };
}

type Context = ReturnType<typeof createContext>;

function createContext(random: Random, input: OwnershipInput) {
  const people = new Map(input.people.map((person) => [person.id, person]));
  const teams = new Map(input.teams.map((team) => [team.id, team]));
  const stayers = new Map(
    input.teams.map((team) => [team.id, team.memberIds.filter((id) => !people.get(id)!.deactivatedAt)]),
  );
  const reviewOf = new Map(input.reviews.map((review) => [`${review.teamId}:${review.weeksAgo}`, review]));
  const assets = new Map(input.assets.map((asset) => [asset.id, asset]));
  const otherTeams = input.teams.filter((team) => team.function === "other").map((team) => team.id);
  return { random, input, people, teams, stayers, reviewOf, assets, otherTeams };
}

/** A member of the team who is there at `at` and is not one of `except`; the manager when nobody else is. */
function pickMember(context: Context, teamId: number, at: number, except: number[] = []): number {
  const team = context.teams.get(teamId)!;
  const there = (id: number) => {
    const left = context.people.get(id)!.deactivatedAt;
    return (!left || left.getTime() > at) && !except.includes(id);
  };
  for (let attempt = 0; attempt < 8; attempt++) {
    const id = context.random.pick(team.memberIds);
    if (there(id)) return id;
  }
  return team.memberIds.find(there) ?? team.managerId;
}

function sideOf(asset: BenchAsset, fn: TeamFunction): number {
  return fn === "marketing" ? asset.marketingTeamId : asset.itTeamId;
}

function planCell(context: Context, asset: BenchAsset, concern: BenchCatalog["concerns"][number]): BenchCell {
  const { random } = context;
  const start = asset.createdAt.getTime();
  let aTeam: number;
  let rTeam: number;
  let otherSide: number;
  if (concern.home === "shared") {
    const marketingLeads = random.chance(0.5);
    aTeam = sideOf(asset, marketingLeads ? "marketing" : "it");
    otherSide = sideOf(asset, marketingLeads ? "it" : "marketing");
    rTeam = random.chance(0.1) ? aTeam : otherSide;
    const legalOrProcurement = concern.key === "privacy-compliance" || concern.key === "vendor-contract";
    if (legalOrProcurement && context.otherTeams.length > 0 && random.chance(0.08))
      rTeam = random.pick(context.otherTeams);
  } else {
    aTeam = sideOf(asset, concern.home);
    rTeam = aTeam;
    otherSide = sideOf(asset, concern.home === "marketing" ? "it" : "marketing");
  }

  const slots: HolderSlot[] = [];
  const holding = (role: RaciRole) =>
    slots.filter((slot) => slot.role === role).map((slot) => slot.spells[0]!.personId);
  const add = (role: RaciRole, teamId: number, except: number[]) => {
    const personId = pickMember(context, teamId, start, except);
    const imported = start === context.input.since.getTime();
    slots.push({
      role,
      teamId,
      spells: [
        {
          assignmentId: 0,
          personId,
          startedAt: asset.createdAt,
          endedAt: null,
          source: imported ? "import" : "app",
          createdById: imported ? 1 : context.teams.get(teamId)!.managerId,
          endedById: null,
          reviewId: null,
        },
      ],
    });
  };

  const roll = random.next();
  if (roll >= 0.03) add("A", aTeam, []);
  if (roll >= 0.03 && roll < 0.04) add("A", otherSide, holding("A"));
  if (roll >= 0.008 && (roll < 0.03 || random.chance(0.92))) add("R", rTeam, holding("A"));
  if (random.chance(0.25)) add("C", otherSide, []);
  if (random.chance(0.15)) add("I", aTeam, []);
  return {
    assetId: asset.id,
    concernId: concern.id,
    home: concern.home,
    reviewTeamId: aTeam,
    rotation: random.below(3),
    neglected: random.chance(0.03),
    slots,
  };
}

/** The moment a change at about `at` happens: the team's review of that week when it was submitted (half the time). */
function changeMoment(
  context: Context,
  cell: BenchCell,
  at: number,
  earliest: number,
  latest: number,
): { at: number; reviewId: number | null } {
  if (cell.reviewTeamId === null || !context.random.chance(0.5)) return { at, reviewId: null };
  const cycle = context.input.cycles.find((c) => c.opensAt.getTime() <= at && at < c.closesAt.getTime());
  const review = cycle ? context.reviewOf.get(`${cell.reviewTeamId}:${cycle.weeksAgo}`) : undefined;
  const submitted = review?.submittedAt?.getTime();
  if (!review || submitted === undefined || submitted <= earliest || submitted >= latest)
    return { at, reviewId: null };
  return { at: submitted, reviewId: review.id };
}

function latestChange(context: Context, cell: BenchCell): number {
  const asset = context.assets.get(cell.assetId)!;
  return Math.min(context.input.now.getTime() - HOUR, asset.retiredAt?.getTime() ?? Number.POSITIVE_INFINITY);
}

/** 5% of cells had no accountable owner until someone took it on during the year. */
function closeSomeGapsDuringTheYear(context: Context, cells: BenchCell[]): void {
  const since = context.input.since.getTime();
  for (const cell of cells) {
    const accountable = cell.slots.filter((slot) => slot.role === "A");
    if (accountable.length !== 1 || !context.random.chance(0.05)) continue;
    const spell = accountable[0]!.spells[0]!;
    if (spell.startedAt.getTime() !== since) continue;
    const latest = latestChange(context, cell) - 14 * DAY;
    if (latest <= since + 7 * DAY) continue;
    const moment = changeMoment(
      context,
      cell,
      since + 7 * DAY + context.random.next() * (latest - since - 7 * DAY),
      since,
      latest,
    );
    spell.startedAt = new Date(moment.at);
    spell.source = moment.reviewId ? "review" : "app";
    spell.createdById = context.teams.get(accountable[0]!.teamId)!.managerId;
    spell.reviewId = moment.reviewId;
  }
}

/** Ends the slot's current spell at `at` and gives the role to another member of the slot's team who stays. */
function replaceHolder(
  context: Context,
  cell: BenchCell,
  slot: HolderSlot,
  at: number,
  reviewId: number | null,
): boolean {
  const current = slot.spells.at(-1)!;
  const sameRole = cell.slots
    .filter((other) => other.role === slot.role)
    .map((other) => other.spells.at(-1)!.personId);
  const candidates = (context.stayers.get(slot.teamId) ?? []).filter((id) => !sameRole.includes(id));
  if (candidates.length === 0) return false;
  const manager = context.teams.get(slot.teamId)!.managerId;
  current.endedAt = new Date(at);
  current.endedById = manager;
  slot.spells.push({
    assignmentId: 0,
    personId: context.random.pick(candidates),
    startedAt: new Date(at),
    endedAt: null,
    source: reviewId ? "review" : "app",
    createdById: manager,
    endedById: null,
    reviewId,
  });
  return true;
}

/** 70% of a leaver's roles pass to a colleague within ten days; the rest keep a departed owner. */
function handOverFromLeavers(context: Context, cells: BenchCell[]): void {
  for (const cell of cells) {
    for (const slot of cell.slots) {
      const current = slot.spells.at(-1)!;
      const left = context.people.get(current.personId)!.deactivatedAt?.getTime();
      if (left === undefined || !context.random.chance(0.7)) continue;
      const at = left + context.random.next() * 10 * DAY;
      if (at > current.startedAt.getTime() && at < latestChange(context, cell))
        replaceHolder(context, cell, slot, at, null);
    }
  }
}

/** Owners change at random moments of the year until `endedWanted` assignments have ended. */
function changeOwnersUntil(context: Context, cells: BenchCell[], endedWanted: number): void {
  const owners = cells.flatMap((cell) =>
    cell.slots.filter((slot) => slot.role === "A" || slot.role === "R").map((slot) => ({ cell, slot })),
  );
  let ended = cells.reduce(
    (sum, cell) => sum + cell.slots.reduce((inner, slot) => inner + slot.spells.length - 1, 0),
    0,
  );
  for (let attempt = 0; ended < endedWanted && owners.length > 0 && attempt < endedWanted * 5; attempt++) {
    const { cell, slot } = context.random.pick(owners);
    const earliest = slot.spells.at(-1)!.startedAt.getTime() + 7 * DAY;
    const latest = latestChange(context, cell);
    if (latest <= earliest) continue;
    const moment = changeMoment(
      context,
      cell,
      earliest + context.random.next() * (latest - earliest),
      earliest,
      latest,
    );
    if (replaceHolder(context, cell, slot, moment.at, moment.reviewId)) ended++;
  }
}
