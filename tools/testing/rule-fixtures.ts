/** Small builders for the rules' unit tests; not part of the public API. */
import { evaluateCell } from "@/lib/rules/evaluate-cell";
import { DEFAULT_RULE_SETTINGS } from "@/lib/rules/weights";
import type { CellHolder, CellInput, EvaluatedCell, RaciRole, RulePerson, TeamFunction } from "@/lib/rules/types";

export const AS_OF = new Date("2026-03-02T12:00:00.000Z");
export const DAY_MS = 86_400_000;

/** A date `days` days (fractions allowed) before AS_OF. */
export function daysBefore(days: number): Date {
  return new Date(AS_OF.getTime() - days * DAY_MS);
}

export function makePerson(
  id: number,
  fn: TeamFunction | null,
  overrides: Partial<RulePerson> = {},
): RulePerson {
  const teamId = fn === null ? null : ({ marketing: 1, it: 2, other: 3 } as const)[fn];
  return { id, email: `p${id}@example.com`, teamId, function: fn, active: true, ...overrides };
}

export function makePeople(...people: RulePerson[]): Map<number, RulePerson> {
  return new Map(people.map((person) => [person.id, person]));
}

/** A holder confirmed yesterday unless told otherwise, so tests only see the gap they are about. */
export function holder(
  personId: number,
  role: RaciRole,
  confirmedAt: Date | null = daysBefore(1),
): CellHolder {
  return { personId, role, confirmedAt };
}

let nextId = 1;

export function makeCell(overrides: Partial<CellInput> = {}): CellInput {
  const id = nextId++;
  return {
    assetId: id,
    assetKey: `asset-${id}`,
    assetKindKey: "website",
    assetCriticality: "low",
    inScope: true,
    concernId: 1,
    concernKey: "content",
    concernHome: "marketing",
    holders: [],
    latestReviewDecision: null,
    ...overrides,
  };
}

export function evaluate(cell: CellInput, people: Map<number, RulePerson>): EvaluatedCell {
  return evaluateCell(cell, people, AS_OF, DEFAULT_RULE_SETTINGS);
}

export function makeEvaluated(
  overrides: Partial<CellInput> = {},
  people: Map<number, RulePerson> = new Map(),
): EvaluatedCell {
  return evaluate(makeCell(overrides), people);
}
