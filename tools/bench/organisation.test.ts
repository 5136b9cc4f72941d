import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { benchSizes, buildBenchOrganisation } from "./organisation";
import { buildTeamsAndPeople } from "./people";
import { createRandom } from "./random";
import type { BenchOrganisation } from "./organisation-types";
import { reviewRecords } from "./review-records";
import { chooseSubjects } from "./subjects";
import { TEST_CATALOG } from "./test-catalog";

const NOW = new Date("2026-11-25T10:30:00Z");
const options = { scale: 0.02, seed: 42, now: NOW, passwordHash: "hash" };
const build = (changes: Partial<typeof options> = {}) =>
  buildBenchOrganisation({ ...options, ...changes }, TEST_CATALOG);

function fingerprint(org: BenchOrganisation): string {
  const hash = createHash("sha256").update(JSON.stringify(org));
  for (const record of reviewRecords(org)) hash.update(JSON.stringify(record));
  return hash.digest("hex");
}

const countRecords = (org: BenchOrganisation) => {
  const counts = { item: 0, "new-owner": 0, confirmation: 0 };
  for (const record of reviewRecords(org)) counts[record.kind] += 1;
  return counts;
};

describe("benchSizes", () => {
  it("is issue 7's organisation at scale 1 and multiplies it", () => {
    expect(benchSizes(1)).toEqual({ assets: 10_000, teams: 40, people: 2_000, assignments: 200_000 });
    expect(benchSizes(0.1)).toEqual({ assets: 1_000, teams: 4, people: 200, assignments: 20_000 });
    expect(benchSizes(2.5)).toEqual({ assets: 25_000, teams: 100, people: 5_000, assignments: 500_000 });
  });

  it("keeps enough teams, people and assets for every role and kind", () => {
    expect(benchSizes(0.001)).toEqual({ assets: 12, teams: 4, people: 16, assignments: 200 });
    expect(() => benchSizes(0)).toThrow(RangeError);
    expect(() => benchSizes(Number.NaN)).toThrow(RangeError);
  });
});

describe("buildBenchOrganisation", () => {
  const org = build();

  it("has the requested numbers of teams, people, assets and assignments", () => {
    expect(org.teams).toHaveLength(4);
    expect(org.people).toHaveLength(40);
    expect(org.assets).toHaveLength(200);
    expect(org.assignmentCount).toBe(4_000);
    const spells = org.cells.flatMap((cell) => cell.slots.flatMap((slot) => slot.spells));
    expect(spells).toHaveLength(4_000);
    expect(new Set(spells.map((spell) => spell.assignmentId)).size).toBe(4_000);
  });

  it(
    "is the same organisation for the same seed, and another one for another seed",
    { timeout: 30_000 },
    () => {
      expect(fingerprint(build())).toBe(fingerprint(org));
      expect(fingerprint(build({ seed: 43 }))).not.toBe(fingerprint(org));
    },
  );

  it("uses every asset kind, marketing and IT teams, one admin, viewers and a manager per team", () => {
    expect(new Set(org.assets.map((asset) => asset.kindKey))).toEqual(
      new Set(TEST_CATALOG.kinds.map((kind) => kind.key)),
    );
    expect(new Set(org.teams.map((team) => team.function))).toEqual(new Set(["marketing", "it"]));
    expect(org.people.filter((person) => person.role === "admin")).toHaveLength(1);
    expect(org.people.some((person) => person.role === "viewer")).toBe(true);
    for (const team of org.teams) {
      expect(org.people.find((person) => person.id === team.managerId)).toMatchObject({
        role: "manager",
        teamId: team.id,
      });
    }
    expect(new Set(org.people.map((person) => person.email)).size).toBe(org.people.length);
    expect(org.people.every((person) => person.email === person.email.toLowerCase())).toBe(true);
    expect(org.people.every((person) => (person.role === "none") === (person.passwordHash === null))).toBe(
      true,
    );
  });

  it("at full size has teams of all three functions and a few deactivated people", () => {
    const sizes = benchSizes(1);
    const { teams, people } = buildTeamsAndPeople(
      createRandom(5),
      sizes,
      { since: org.since, now: NOW },
      "hash",
    );
    expect(teams).toHaveLength(40);
    expect(people).toHaveLength(2_000);
    expect(teams.filter((team) => team.function === "other")).toHaveLength(4);
    expect(teams.filter((team) => team.function === "marketing")).toHaveLength(18);
    const left = people.filter((person) => person.deactivatedAt !== null);
    expect(left.length).toBeGreaterThan(10);
    expect(left.length).toBeLessThan(60);
    expect(
      left.every(
        (person) =>
          person.role === "none" && person.deactivatedAt! > org.since && person.deactivatedAt! < NOW,
      ),
    ).toBe(true);
    const sizesByTeam = teams.map((team) => team.memberIds.length);
    expect(Math.max(...sizesByTeam)).toBeGreaterThan(2 * Math.min(...sizesByTeam));
  });

  it("keeps one cell per asset and applicable concern", () => {
    const expected = org.assets.reduce(
      (sum, asset) => sum + TEST_CATALOG.concerns.filter((c) => c.kindKeys.includes(asset.kindKey)).length,
      0,
    );
    expect(org.cells).toHaveLength(expected);
    expect(new Set(org.cells.map((cell) => `${cell.assetId}:${cell.concernId}`)).size).toBe(expected);
  });

  it("keeps each role's history consistent: spells follow each other, end after they start, never overlap a twin", () => {
    for (const cell of org.cells) {
      const current = cell.slots.map((slot) => `${slot.role}:${slot.spells.at(-1)!.personId}`);
      expect(new Set(current).size).toBe(current.length);
      for (const slot of cell.slots) {
        slot.spells.forEach((spell, index) => {
          const next = slot.spells[index + 1];
          if (next) expect(spell.endedAt).toEqual(next.startedAt);
          else expect(spell.endedAt).toBeNull();
          expect(spell.startedAt.getTime()).toBeLessThan(NOW.getTime());
        });
      }
    }
  });

  it("has 52 weeks of reviews before this week's drafts", () => {
    expect(org.cycles).toHaveLength(53);
    const submitted = org.reviews.filter((review) => review.status === "submitted");
    expect(submitted.length).toBeGreaterThan(org.teams.length * 52 * 0.8);
    expect(submitted.every((review) => review.submittedAt! < NOW && review.weeksAgo > 0)).toBe(true);
    expect(
      org.reviews.filter((review) => review.weeksAgo === 0).every((review) => review.status === "draft"),
    ).toBe(true);
  });

  it(
    "streams decisions of every kind, one per cell and review, and confirmations only of people still there",
    { timeout: 30_000 },
    () => {
      const decisions = new Set<string>();
      const decided = new Set<string>();
      const left = new Map(org.people.map((person) => [person.id, person.deactivatedAt]));
      const holder = new Map(
        org.cells.flatMap((cell) =>
          cell.slots.flatMap((slot) =>
            slot.spells.map((spell) => [spell.assignmentId, spell.personId] as const),
          ),
        ),
      );
      for (const record of reviewRecords(org)) {
        if (record.kind === "item") {
          decisions.add(record.decision);
          const key = `${record.reviewId}:${record.assetId}:${record.concernId}`;
          expect(decided.has(key)).toBe(false);
          decided.add(key);
        } else if (record.kind === "confirmation") {
          const departure = left.get(holder.get(record.assignmentId)!);
          expect(!departure || departure > record.confirmedAt).toBe(true);
        }
      }
      expect(decisions).toEqual(new Set(["confirm", "change", "flag", "handoff"]));
      expect(countRecords(org)).toEqual(countRecords(build()));
    },
  );

  it("chooses the team holding the most cells as the largest, with its manager", () => {
    const subjects = chooseSubjects(org);
    const team = org.teams.find((candidate) => candidate.id === subjects.largestTeam.id)!;
    expect(subjects.largestTeam.managerEmail).toBe(
      org.people.find((person) => person.id === team.managerId)!.email,
    );
    expect(subjects.largestTeam.cells).toBeGreaterThan(0);
  });
});
