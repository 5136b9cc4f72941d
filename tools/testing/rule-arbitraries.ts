/** fast-check generators for the rules' property tests; not part of the public API. */
import fc from "fast-check";
import { AS_OF, DAY_MS } from "./rule-fixtures";
import type {
  CellHolder,
  CellInput,
  ConcernHome,
  Criticality,
  RaciRole,
  ReviewDecision,
  RulePerson,
  RuleSettings,
  TeamFunction,
} from "@/lib/rules/types";

export const CRITICALITIES: readonly Criticality[] = ["low", "medium", "high", "critical"];
export const HOMES: readonly ConcernHome[] = ["marketing", "it", "shared"];
const ROLES: readonly RaciRole[] = ["R", "A", "C", "I"];
const FUNCTIONS: readonly (TeamFunction | null)[] = ["marketing", "it", "other", null];
const DECISIONS: readonly ReviewDecision[] = ["confirm", "change", "flag", "handoff"];

/** People with ids 1 to 8; holders may name ids up to 10, which the rules do not know. */
export const arbitraryPeople: fc.Arbitrary<Map<number, RulePerson>> = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 8 }),
      function: fc.constantFrom(...FUNCTIONS),
      active: fc.boolean(),
    }),
    { selector: (person) => person.id, maxLength: 8 },
  )
  .map(
    (people) =>
      new Map(
        people.map((person) => [
          person.id,
          {
            id: person.id,
            email: `p${person.id}@example.com`,
            teamId: person.function === null ? null : FUNCTIONS.indexOf(person.function) + 1,
            function: person.function,
            active: person.active,
          },
        ]),
      ),
  );

/** A confirmation between 60 days before AS_OF and AS_OF, or none; whole days and odd milliseconds alike. */
export const arbitraryConfirmation: fc.Arbitrary<Date | null> = fc.option(
  fc.integer({ min: 0, max: 60 * DAY_MS }).map((ago) => new Date(AS_OF.getTime() - ago)),
  { freq: 4 },
);

export const arbitraryHolder: fc.Arbitrary<CellHolder> = fc.record({
  personId: fc.integer({ min: 1, max: 10 }),
  role: fc.constantFrom(...ROLES),
  confirmedAt: arbitraryConfirmation,
});

export const arbitraryHolders = fc.array(arbitraryHolder, { maxLength: 6 });

/** A cell of a small catalog (4 assets x 3 concerns), so that generated lists repeat assets and concerns. */
export const arbitraryCell: fc.Arbitrary<CellInput> = fc
  .record({
    asset: fc.integer({ min: 1, max: 4 }),
    concern: fc.integer({ min: 1, max: 3 }),
    criticality: fc.constantFrom(...CRITICALITIES),
    kind: fc.constantFrom("website", "crm"),
    inScope: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    holders: arbitraryHolders,
    decision: fc.option(fc.constantFrom(...DECISIONS)),
  })
  .map((cell) => ({
    assetId: cell.asset,
    assetKey: `asset-${cell.asset}`,
    assetKindKey: cell.kind,
    assetCriticality: cell.criticality,
    inScope: cell.inScope,
    concernId: cell.concern,
    concernKey: `concern-${cell.concern}`,
    // A concern has one home: derive it from the concern so that cells of one concern agree.
    concernHome: HOMES[(cell.concern - 1) % HOMES.length]!,
    holders: cell.holders,
    latestReviewDecision: cell.decision,
  }));

/** Cells with distinct (asset, concern) pairs, as the rules receive them. */
export const arbitraryCells = fc.uniqueArray(arbitraryCell, {
  selector: (cell) => `${cell.assetId}:${cell.concernId}`,
  maxLength: 12,
});

/** Settings around the documented defaults, small enough for generated data to cross them. */
export const arbitrarySettings: fc.Arbitrary<RuleSettings> = fc.record({
  // Zones on both sides of UTC, with and without daylight saving, and one off by half an hour.
  timeZone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"),
  staleAfterDays: fc.integer({ min: 1, max: 60 }),
  overloadHighCriticalCells: fc.integer({ min: 0, max: 6 }),
  overloadConcernSharePct: fc.integer({ min: 1, max: 100 }),
  overloadConcernMinCells: fc.integer({ min: 1, max: 6 }),
});
