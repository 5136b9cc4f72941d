import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellKey, holdersAsOf, peopleAsOf } from "./as-of";
import { DAY_MS } from "@/tools/testing/rule-fixtures";
import type { AssignmentRecord, CellHolder, PersonRecord, RaciRole } from "./types";

const T0 = Date.UTC(2026, 0, 5);
/** An instant within 120 days of T0, to the millisecond. */
const arbitraryInstant = fc.integer({ min: 0, max: 120 * DAY_MS }).map((offset) => T0 + offset);

const arbitraryAssignment: fc.Arbitrary<AssignmentRecord> = fc
  .record({
    assetId: fc.integer({ min: 1, max: 3 }),
    concernId: fc.integer({ min: 1, max: 2 }),
    personId: fc.integer({ min: 1, max: 5 }),
    role: fc.constantFrom<RaciRole>("A", "R", "C", "I"),
    start: arbitraryInstant,
    length: fc.option(fc.integer({ min: 0, max: 60 * DAY_MS })),
    confirmations: fc.array(fc.integer({ min: 0, max: 90 * DAY_MS }), { maxLength: 4 }),
    source: fc.constantFrom("app" as const, "review" as const, "import" as const),
  })
  .map((a) => ({
    assetId: a.assetId,
    concernId: a.concernId,
    personId: a.personId,
    role: a.role,
    startedAt: new Date(a.start),
    endedAt: a.length === null ? null : new Date(a.start + a.length),
    source: a.source,
    confirmations: a.confirmations.map((after) => new Date(a.start + after)),
  }));

const arbitraryHistory = fc.array(arbitraryAssignment, { maxLength: 15 });

/** Two instants, the first not after the second. */
const arbitraryPair = fc.tuple(arbitraryInstant, arbitraryInstant).map(([a, b]) => [new Date(Math.min(a, b)), new Date(Math.max(a, b))] as const);

const isCurrent = (a: AssignmentRecord, at: Date) => a.startedAt <= at && (a.endedAt === null || a.endedAt > at);
const latestBy = (dates: Date[], at: Date) =>
  dates.filter((date) => date <= at).reduce<Date | null>((latest, date) => (latest === null || date > latest ? date : latest), null);
const flatten = (holders: Map<string, CellHolder[]>) =>
  [...holders].flatMap(([key, list]) => list.map((h) => `${key} ${h.personId} ${h.role} ${h.confirmedAt?.toISOString() ?? "never"}`)).sort();

const RUNS = { numRuns: 300 };

describe("holdersAsOf, for any assignment history", () => {
  it("holds exactly the assignments started by then and not yet ended, with their latest confirmation made by then", () => {
    fc.assert(
      fc.property(arbitraryHistory, arbitraryInstant, (assignments, instant) => {
        const at = new Date(instant);
        const expected = assignments
          .filter((a) => isCurrent(a, at))
          .map((a) => `${cellKey(a.assetId, a.concernId)} ${a.personId} ${a.role} ${latestBy(a.confirmations, at)?.toISOString() ?? "never"}`)
          .sort();
        expect(flatten(holdersAsOf(assignments, at))).toEqual(expected);
      }),
      RUNS,
    );
  });

  it("never makes a holder's confirmation older as time goes on, and keeps a holder that was not ended", () => {
    fc.assert(
      fc.property(arbitraryAssignment, arbitraryPair, (assignment, [earlier, later]) => {
        const holderAt = (at: Date) => holdersAsOf([assignment], at).get(cellKey(assignment.assetId, assignment.concernId))?.[0];
        const [before, after] = [holderAt(earlier), holderAt(later)];
        if (before && after) {
          expect(after.confirmedAt?.getTime() ?? -Infinity).toBeGreaterThanOrEqual(before.confirmedAt?.getTime() ?? -Infinity);
        }
        if (before && assignment.endedAt === null) expect(after).toBeDefined();
      }),
      RUNS,
    );
  });
});

describe("peopleAsOf, for any people", () => {
  const arbitraryPeople: fc.Arbitrary<PersonRecord[]> = fc
    .array(fc.option(arbitraryInstant), { maxLength: 8 })
    .map((departures) =>
      departures.map((departure, index) => ({
        id: index + 1,
        email: `p${index + 1}@example.com`,
        teamId: null,
        function: null,
        deactivatedAt: departure === null ? null : new Date(departure),
      })),
    );

  it("knows everyone, and someone active at a date was active at every earlier date", () => {
    fc.assert(
      fc.property(arbitraryPeople, arbitraryPair, (people, [earlier, later]) => {
        const [before, after] = [peopleAsOf(people, earlier), peopleAsOf(people, later)];
        expect([...after.keys()]).toEqual(people.map((person) => person.id));
        for (const person of people) {
          if (after.get(person.id)!.active) expect(before.get(person.id)!.active).toBe(true);
          if (person.deactivatedAt === null) expect(after.get(person.id)!.active).toBe(true);
          expect(after.get(person.id)!.active).toBe(person.deactivatedAt === null || person.deactivatedAt > later);
        }
      }),
      RUNS,
    );
  });
});
