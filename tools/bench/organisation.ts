import { cycleWindow, isoWeekOf, shiftIsoWeek } from "@/lib/review/iso-week";
import { buildAssets } from "./assets";
import {
  BENCH_BASE_SIZE,
  type BenchCatalog,
  type BenchOptions,
  type BenchOrganisation,
} from "./organisation-types";
import { buildOwnership } from "./ownership";
import { buildTeamsAndPeople } from "./people";
import { createRandom, deriveSeed } from "./random";
import { buildCycles, buildReviews } from "./review-plan";

const HOUR = 3_600_000;
const TIME_ZONE = "UTC";

export interface BenchSizes {
  assets: number;
  teams: number;
  people: number;
  assignments: number;
}

/** Issue 7's organisation times `scale`, never so small that a team lacks members or a kind lacks an asset. */
export function benchSizes(scale: number): BenchSizes {
  if (!(scale > 0)) throw new RangeError(`The scale must be a positive number, not ${scale}`);
  const teams = Math.max(4, Math.round(BENCH_BASE_SIZE.teams * scale));
  return {
    assets: Math.max(12, Math.round(BENCH_BASE_SIZE.assets * scale)),
    teams,
    people: Math.max(teams * 4, Math.round(BENCH_BASE_SIZE.people * scale)),
    assignments: Math.round(BENCH_BASE_SIZE.assignments * scale),
  };
}

/**
 * The synthetic organisation the bench measures, as plain data: the same options give the same
 * organisation. Review decisions and confirmations are too many to hold; `reviewRecords` streams them.
 * The organisation started using Tandem two weeks before its 52 weeks of review history.
 */
export function buildBenchOrganisation(options: BenchOptions, catalog: BenchCatalog): BenchOrganisation {
  const sizes = benchSizes(options.scale);
  const now = options.now;
  const since = new Date(
    cycleWindow(
      shiftIsoWeek(isoWeekOf(now, TIME_ZONE), -(BENCH_BASE_SIZE.historyWeeks + 2)),
      TIME_ZONE,
    ).opensAt.getTime() +
      9 * HOUR,
  );
  const part = (n: number) => createRandom(deriveSeed(options.seed, n));
  const { teams, people } = buildTeamsAndPeople(part(10), sizes, { since, now }, options.passwordHash);
  const assets = buildAssets(part(11), sizes.assets, catalog, teams, { since, now });
  const cycles = buildCycles(now, TIME_ZONE, BENCH_BASE_SIZE.historyWeeks);
  const reviews = buildReviews(part(12), teams, cycles, now);
  const { cells, assignmentCount } = buildOwnership(part(13), {
    assets,
    catalog,
    teams,
    people,
    cycles,
    reviews,
    since,
    now,
    targetAssignments: sizes.assignments,
  });
  return {
    name: "Bench Organisation",
    timeZone: TIME_ZONE,
    since,
    now,
    seed: options.seed,
    teams,
    people,
    assets,
    cells,
    cycles,
    reviews,
    assignmentCount,
  };
}
