import { describe, expect, it } from "vitest";
import { cellKey, holdersAsOf, peopleAsOf } from "./as-of";
import type { AssignmentRecord, PersonRecord } from "./types";

const AS_OF = new Date("2026-03-02T12:00:00.000Z");
const ms = (offset: number) => new Date(AS_OF.getTime() + offset);

function assignment(overrides: Partial<AssignmentRecord> = {}): AssignmentRecord {
  return {
    assetId: 1,
    concernId: 2,
    personId: 10,
    role: "A",
    startedAt: ms(-1000),
    endedAt: null,
    source: "app",
    confirmations: [],
    ...overrides,
  };
}

describe("cellKey", () => {
  it("joins asset and concern ids", () => {
    expect(cellKey(12, 3)).toBe("12:3");
  });
});

describe("holdersAsOf", () => {
  it("keys holders by cell and keeps their role", () => {
    const holders = holdersAsOf(
      [assignment(), assignment({ personId: 11, role: "R" }), assignment({ concernId: 5, role: "C" })],
      AS_OF,
    );
    expect([...holders.keys()]).toEqual(["1:2", "1:5"]);
    expect(holders.get("1:2")).toEqual([
      { personId: 10, role: "A", confirmedAt: null },
      { personId: 11, role: "R", confirmedAt: null },
    ]);
  });

  it("includes an assignment started exactly at asOf and excludes one started 1 ms after", () => {
    const holders = holdersAsOf(
      [assignment({ startedAt: ms(0) }), assignment({ personId: 11, startedAt: ms(1) })],
      AS_OF,
    );
    expect(holders.get("1:2")?.map((h) => h.personId)).toEqual([10]);
  });

  it("excludes an assignment that ended before or exactly at asOf, keeps one ending after", () => {
    const holders = holdersAsOf(
      [
        assignment({ personId: 10, endedAt: ms(-1) }),
        assignment({ personId: 11, endedAt: ms(0) }),
        assignment({ personId: 12, endedAt: ms(1) }),
      ],
      AS_OF,
    );
    expect(holders.get("1:2")?.map((h) => h.personId)).toEqual([12]);
  });

  it("omits cells with no current assignment", () => {
    expect(holdersAsOf([assignment({ startedAt: ms(5) })], AS_OF).size).toBe(0);
  });

  it("takes the latest confirmation made by asOf, in any input order, ignoring later ones", () => {
    const holders = holdersAsOf(
      [assignment({ confirmations: [ms(-500), ms(1), ms(0), ms(-900), ms(100_000)] })],
      AS_OF,
    );
    expect(holders.get("1:2")?.[0]?.confirmedAt).toEqual(ms(0));
  });

  it("gives null when every confirmation is after asOf", () => {
    const holders = holdersAsOf([assignment({ confirmations: [ms(1)] })], AS_OF);
    expect(holders.get("1:2")?.[0]?.confirmedAt).toBeNull();
  });
});

describe("peopleAsOf", () => {
  const person = (id: number, deactivatedAt: Date | null): PersonRecord => ({
    id,
    email: `p${id}@example.com`,
    teamId: 7,
    function: "it",
    deactivatedAt,
  });

  it("treats a person deactivated after asOf as active then, and at or before asOf as inactive", () => {
    const people = peopleAsOf(
      [person(1, null), person(2, ms(1)), person(3, ms(0)), person(4, ms(-1))],
      AS_OF,
    );
    expect([...people.values()].map((p) => [p.id, p.active])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(people.get(2)).toEqual({
      id: 2,
      email: "p2@example.com",
      teamId: 7,
      function: "it",
      active: true,
    });
  });
});
