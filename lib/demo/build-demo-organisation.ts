import { DEFAULT_CONCERNS } from "@/lib/catalog/default-catalog";
import { cycleWindow, isoWeekOf, shiftIsoWeek } from "@/lib/review/iso-week";
import type { RaciRole, TeamFunction } from "@/lib/rules/types";
import { DEMO_ASSETS, DEMO_ORGANISATION_NAME, DEMO_PEOPLE, DEMO_TEAMS, type DemoAsset, type DemoTeamName } from "./demo-catalog";
import {
  DEMO_DECISIONS,
  DEMO_GAP_OVERRIDES,
  DEMO_GAPS_CLOSED,
  DEMO_HISTORY_WEEKS,
  DEMO_REVIEW_EXCEPTIONS,
  type DemoDecision,
  type HolderPlan,
} from "./demo-history";

/**
 * Builds the demo organisation as plain data, with every date relative to the current ISO week so
 * that the review history lines up with real weeks. The same `now` always gives the same organisation.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEK = 7 * DAY;
const TIME_ZONE = "UTC";

export interface DemoAssignment {
  assetKey: string;
  concernKey: string;
  email: string;
  role: RaciRole;
  startedAt: Date;
  endedAt: Date | null;
  source: "app" | "review";
  confirmations: { at: Date; byEmail: string; isoWeek: string }[];
}

export interface DemoReviewItem {
  assetKey: string;
  concernKey: string;
  decision: "confirm" | "change" | "flag" | "handoff";
  note: string | null;
  flagReason: "owner-unclear" | "owner-leaving" | "needs-other-team" | "other" | null;
  handoffTeam: DemoTeamName | null;
  newOwners: { email: string; role: RaciRole }[];
  decidedByEmail: string;
  decidedAt: Date;
}

export interface DemoReview {
  isoWeek: string;
  team: DemoTeamName;
  managerEmail: string;
  status: "draft" | "submitted";
  submittedAt: Date | null;
  items: DemoReviewItem[];
}

export interface DemoOrganisation {
  name: string;
  /** When the organisation started using Tandem: before the review history. */
  since: Date;
  timeZone: string;
  teams: { name: DemoTeamName; function: TeamFunction }[];
  people: { email: string; name: string; team: DemoTeamName | null; role: string; deactivatedAt: Date | null }[];
  assets: (Omit<DemoAsset, "marketing" | "it"> & { createdAt: Date; retiredAt: Date | null })[];
  assignments: DemoAssignment[];
  reviews: DemoReview[];
}

/** A small seeded generator (mulberry32): the demo must not change from one run to the next. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const membersOf = (team: DemoTeamName) => DEMO_PEOPLE.filter((person) => person.team === team).map((p) => p.email);
const managerOf = (team: DemoTeamName) => membersOf(team)[0]!;

/** Who holds A and R on a cell by default, before the deliberate gaps. */
function planHolders(asset: DemoAsset, concern: (typeof DEFAULT_CONCERNS)[number], random: () => number): HolderPlan {
  const pick = (team: DemoTeamName, from: number, to: number, except?: string) => {
    const candidates = membersOf(team).slice(from, to).filter((email) => email !== except && email !== "ravi.patel@example.org");
    return candidates[Math.floor(random() * candidates.length)]!;
  };
  const accountableAndResponsible = (aTeam: DemoTeamName, rTeam: DemoTeamName): HolderPlan => {
    const a = pick(aTeam, 0, 3);
    return [
      { email: a, role: "A" },
      { email: pick(rTeam, 1, 5, a), role: "R" },
    ];
  };
  switch (concern.key) {
    case "security-access": {
      // Felix is the single point of failure for access on every high and critical asset.
      const highStakes = asset.criticality === "high" || asset.criticality === "critical";
      const a = highStakes ? "felix.braun@example.org" : pick("Security & Infrastructure", 0, 5);
      return [
        { email: a, role: "A" },
        { email: pick(asset.it, 1, 5, a), role: "R" },
      ];
    }
    case "privacy-compliance":
      return [
        ...accountableAndResponsible("Marketing Operations", "Security & Infrastructure"),
        { email: managerOf(asset.marketing), role: "I" },
      ];
    case "data-quality":
      return accountableAndResponsible("Marketing Operations", "Data Engineering");
    case "analytics-tracking":
      return [
        ...accountableAndResponsible(asset.marketing, asset.it),
        { email: pick("Data Engineering", 0, 4), role: "C" },
      ];
    default:
      if (concern.home === "marketing") {
        const plan = accountableAndResponsible(asset.marketing, asset.marketing);
        // Chatbots and apps need the developers' view on what can be built.
        if (asset.kind === "chatbot" || asset.kind === "mobile-app") plan.push({ email: pick(asset.it, 1, 5), role: "C" });
        return plan;
      }
      if (concern.home === "it") return accountableAndResponsible(asset.it, asset.it);
      return accountableAndResponsible(asset.marketing, asset.it);
  }
}

export function buildDemoOrganisation(now: Date): DemoOrganisation {
  const random = createRandom(20_261_123);
  const currentWeek = isoWeekOf(now, TIME_ZONE);
  const weekWindow = (weeksAgo: number) => cycleWindow(shiftIsoWeek(currentWeek, -weeksAgo), TIME_ZONE);
  const historyStart = new Date(weekWindow(DEMO_HISTORY_WEEKS + 2).opensAt.getTime() + 9 * HOUR);

  const people = DEMO_PEOPLE.map((person) => ({
    email: person.email,
    name: person.name,
    team: person.team,
    role: person.role,
    deactivatedAt:
      person.leftWeeksAgo === undefined ? null : new Date(weekWindow(person.leftWeeksAgo).opensAt.getTime() + 2 * DAY + 17 * HOUR),
  }));
  const leftAt = new Map(people.map((person) => [person.email, person.deactivatedAt]));
  const activeAt = (email: string, at: Date) => {
    const left = leftAt.get(email);
    return !left || left > at;
  };

  const assets = DEMO_ASSETS.map(({ marketing: _m, it: _i, ...asset }) => ({
    ...asset,
    createdAt: historyStart,
    retiredAt: asset.lifecycle === "retired" ? new Date(historyStart.getTime() + 3 * WEEK) : null,
  }));

  const assignments: DemoAssignment[] = [];
  const gapClosedWeek = new Map(DEMO_GAPS_CLOSED.map((entry) => [entry.cell, entry.week]));
  for (const asset of DEMO_ASSETS) {
    for (const concern of DEFAULT_CONCERNS.filter((c) => c.appliesTo.includes(asset.kind))) {
      const cell = `${asset.key}/${concern.key}`;
      const planned = planHolders(asset, concern, random);
      const holders = DEMO_GAP_OVERRIDES[cell] ?? planned;
      const closedWeek = gapClosedWeek.get(cell);
      for (const holder of holders) {
        const startedAt =
          closedWeek !== undefined && holder.role === "A"
            ? new Date(weekWindow(closedWeek).opensAt.getTime() + DAY + 11 * HOUR)
            : historyStart;
        assignments.push({
          assetKey: asset.key,
          concernKey: concern.key,
          email: holder.email,
          role: holder.role,
          startedAt,
          endedAt: null,
          source: "app",
          confirmations: [],
        });
      }
    }
  }

  const currentAt = (cell: string, at: Date) =>
    assignments.filter(
      (a) => `${a.assetKey}/${a.concernKey}` === cell && a.startedAt <= at && (a.endedAt === null || a.endedAt > at),
    );

  const reviews: DemoReview[] = [];
  const handoffsByWeek = new Map<number, { team: DemoTeamName; cell: string; from: DemoTeamName; note: string }[]>();
  for (let week = DEMO_HISTORY_WEEKS; week >= 1; week--) {
    const window = weekWindow(week);
    for (const team of DEMO_TEAMS.map((t) => t.name)) {
      const outcome = DEMO_REVIEW_EXCEPTIONS.find((e) => e.team === team && e.week === week)?.outcome ?? "on-time";
      if (outcome === "missing") continue;
      const submittedAt =
        outcome === "late"
          ? new Date(window.closesAt.getTime() + 9 * HOUR + Math.floor(random() * 6) * HOUR)
          : new Date(window.opensAt.getTime() + 3 * DAY + 9 * HOUR + Math.floor(random() * 30) * HOUR);
      const decidedAt = new Date(submittedAt.getTime() - 40 * 60_000);
      const members = new Set(membersOf(team));
      const scope = new Set(
        assignments
          .filter((a) => (a.role === "A" || a.role === "R") && members.has(a.email))
          .filter((a) => a.startedAt <= decidedAt && (a.endedAt === null || a.endedAt > decidedAt))
          .filter((a) => DEMO_ASSETS.find((asset) => asset.key === a.assetKey)?.lifecycle !== "retired")
          .map((a) => `${a.assetKey}/${a.concernKey}`),
      );
      const handedOff = (handoffsByWeek.get(week + 1) ?? []).filter((h) => h.team === team);
      for (const handoff of handedOff) scope.add(handoff.cell);
      const planned = new Map<string, DemoDecision>(
        DEMO_DECISIONS.filter((d) => d.week === week && d.team === team).flatMap((d) => d.decisions.map((x) => [x.cell, x])),
      );
      for (const cell of planned.keys()) {
        if (!scope.has(cell)) throw new Error(`Demo decision on ${cell} is outside ${team}'s review in week -${week}`);
      }
      const cells = [...scope].sort();
      // A draft was abandoned part-way: only the first half was decided.
      const decidedCells = outcome === "draft" ? cells.slice(0, Math.ceil(cells.length / 2)) : cells;
      const items = decidedCells.map((cell): DemoReviewItem => {
        const [assetKey, concernKey] = cell.split("/") as [string, string];
        const plan = planned.get(cell);
        const handoffNote = handedOff.find((h) => h.cell === cell);
        return {
          assetKey,
          concernKey,
          decision: plan?.decision ?? "confirm",
          note: plan?.note ?? (handoffNote ? `Taken over from ${handoffNote.from}.` : null),
          flagReason: plan?.decision === "flag" ? plan.flagReason : null,
          handoffTeam: plan?.decision === "handoff" ? plan.handoffTeam : null,
          newOwners: plan?.decision === "change" ? [{ email: plan.to, role: plan.role }] : [],
          decidedByEmail: managerOf(team),
          decidedAt,
        };
      });
      reviews.push({
        isoWeek: window.isoWeek,
        team,
        managerEmail: managerOf(team),
        status: outcome === "draft" ? "draft" : "submitted",
        submittedAt: outcome === "draft" ? null : submittedAt,
        items,
      });
      if (outcome === "draft") continue;

      for (const item of items) {
        const cell = `${item.assetKey}/${item.concernKey}`;
        const current = currentAt(cell, submittedAt);
        if (item.decision === "confirm") {
          // A manager cannot attest for someone who has already left.
          const attested = current.filter(
            (a) => (a.role === "A" || a.role === "R") && members.has(a.email) && activeAt(a.email, submittedAt),
          );
          for (const assignment of attested) {
            assignment.confirmations.push({ at: submittedAt, byEmail: managerOf(team), isoWeek: window.isoWeek });
          }
        } else if (item.decision === "change") {
          for (const owner of item.newOwners) {
            for (const old of current.filter((a) => a.role === owner.role)) old.endedAt = submittedAt;
            assignments.push({
              assetKey: item.assetKey,
              concernKey: item.concernKey,
              email: owner.email,
              role: owner.role,
              startedAt: submittedAt,
              endedAt: null,
              source: "review",
              confirmations: [{ at: submittedAt, byEmail: managerOf(team), isoWeek: window.isoWeek }],
            });
          }
        } else if (item.decision === "handoff" && item.handoffTeam) {
          const list = handoffsByWeek.get(week) ?? [];
          list.push({ team: item.handoffTeam, cell, from: team, note: item.note ?? "" });
          handoffsByWeek.set(week, list);
        }
      }
    }
  }

  return {
    name: DEMO_ORGANISATION_NAME,
    since: historyStart,
    timeZone: TIME_ZONE,
    teams: DEMO_TEAMS.map((team) => ({ name: team.name, function: team.function })),
    people,
    assets,
    assignments,
    reviews,
  };
}

