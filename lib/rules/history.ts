import type { RuleAsset, RuleConcern } from "./build-cells";
import type { ConcernHome, Criticality, PersonRecord, TeamFunction } from "./types";

/** A span of time in which an attribute held one value: from `startedAt` until `endedAt` (null: still so). */
export interface Period<T> {
  value: T;
  startedAt: Date;
  endedAt: Date | null;
}

export interface AssetAttributes {
  kindKey: string;
  criticality: Criticality;
  lifecycle: RuleAsset["lifecycle"];
}

export interface PersonAttributes {
  teamId: number | null;
  active: boolean;
}

/**
 * How the attributes that figures depend on changed over time, by id: what makes "as of" any date read the
 * organisation as it was then rather than as it is now (DESIGN.md section 3, "As of"). Each list is in the
 * order the periods started; a concern's kinds overlap (one period per kind it applied to).
 */
export interface AttributeHistory {
  assets: ReadonlyMap<number, readonly Period<AssetAttributes>[]>;
  concernHomes: ReadonlyMap<number, readonly Period<ConcernHome>[]>;
  concernKinds: ReadonlyMap<number, readonly Period<string>[]>;
  people: ReadonlyMap<number, readonly Period<PersonAttributes>[]>;
  teamFunctions: ReadonlyMap<number, readonly Period<TeamFunction>[]>;
}

function isWithin(period: Period<unknown>, at: number): boolean {
  return period.startedAt.getTime() <= at && (period.endedAt === null || period.endedAt.getTime() > at);
}

/** The period holding at `at`; undefined before the first (the row did not exist yet) or without history. */
export function periodAt<T>(periods: readonly Period<T>[] | undefined, at: number): Period<T> | undefined {
  if (!periods) return undefined;
  for (let i = periods.length - 1; i >= 0; i--) if (isWithin(periods[i]!, at)) return periods[i];
  return undefined;
}

/**
 * An asset as it was at `at`. Where its history says nothing (it never changed, or `at` is before it
 * existed, when it has no cells anyway), it is as it is now.
 */
export function assetAsOf(asset: RuleAsset, history: AttributeHistory, at: Date): RuleAsset {
  const then = periodAt(history.assets.get(asset.id), at.getTime())?.value;
  // Most assets never change: the same object, not a copy per cell and instant the trend evaluates.
  if (!then || (then.kindKey === asset.kindKey && then.criticality === asset.criticality && then.lifecycle === asset.lifecycle)) return asset;
  return { ...asset, kindKey: then.kindKey, criticality: then.criticality, lifecycle: then.lifecycle };
}

/** A concern as it was at `at`: its home then and the kinds it applied to then. */
export function concernAsOf(concern: RuleConcern, history: AttributeHistory, at: Date): RuleConcern {
  const time = at.getTime();
  const kinds = history.concernKinds.get(concern.id);
  return {
    ...concern,
    home: periodAt(history.concernHomes.get(concern.id), time)?.value ?? concern.home,
    kindKeys: kinds ? kinds.filter((period) => isWithin(period, time)).map((period) => period.value) : concern.kindKeys,
  };
}

/**
 * A person as they were at `at`: their team then, that team's function then, and whether they had left
 * (`deactivatedAt` is when the absence that includes `at` began, so `peopleAsOf` reads it as inactive).
 * Without a period of their own they are as they are now, but their team's function is still the one then.
 */
export function personAsOf(person: PersonRecord, history: AttributeHistory, at: Date): PersonRecord {
  const time = at.getTime();
  const period = periodAt(history.people.get(person.id), time);
  const teamId = period ? period.value.teamId : person.teamId;
  const teamFunction = teamId === null ? null : (periodAt(history.teamFunctions.get(teamId), time)?.value ?? (teamId === person.teamId ? person.function : null));
  const deactivatedAt = period ? (period.value.active ? null : period.startedAt) : person.deactivatedAt;
  if (teamId === person.teamId && teamFunction === person.function && deactivatedAt === person.deactivatedAt) return person;
  return { id: person.id, email: person.email, teamId, function: teamFunction, deactivatedAt };
}

/** Assets, concerns and people as they were at `at`: the catalog every past figure is computed from. */
export function catalogAsOf<Catalog extends { assets: readonly RuleAsset[]; concerns: readonly RuleConcern[]; people: readonly PersonRecord[] }>(
  catalog: Catalog,
  history: AttributeHistory,
  at: Date,
): Catalog {
  return {
    ...catalog,
    assets: catalog.assets.map((asset) => assetAsOf(asset, history, at)),
    concerns: catalog.concerns.map((concern) => concernAsOf(concern, history, at)),
    people: catalog.people.map((person) => personAsOf(person, history, at)),
  };
}
