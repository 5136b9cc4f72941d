import type { Prisma } from "@/lib/db/generated/client";
import type { Criticality, RaciRole, TeamFunction } from "@/lib/rules/types";
import { readTimeZone } from "@/lib/settings/queries";

type Tx = Prisma.TransactionClient;

export interface ExistingPerson {
  id: number;
  email: string;
  name: string;
  teamId: number | null;
  role: "admin" | "manager" | "viewer" | "none";
  deactivatedAt: Date | null;
}

export interface ExistingAsset {
  id: number;
  key: string;
  name: string;
  kind: string;
  criticality: Criticality;
  lifecycle: "planned" | "active" | "retired";
  url: string | null;
  vendor: string | null;
  retiredAt: Date | null;
}

export interface CurrentAssignment {
  id: number;
  personId: number;
  role: RaciRole;
  startedAt: Date;
  confirmedAt: Date | null;
}

/** What the import compares its rows with, read once through the caller's transaction. */
export interface DatabaseState {
  timeZone: string;
  teams: Map<string, { id: number; name: string; function: TeamFunction }>;
  people: Map<string, ExistingPerson>;
  emailOf: Map<number, string>;
  kinds: Set<string>;
  assets: Map<string, ExistingAsset>;
  /** Concern key -> the asset kinds it applies to. */
  concerns: Map<string, { id: number; kinds: Set<string> }>;
  /** `assetId/concernId` -> the cell's current assignments; loaded only for an assignments import. */
  currentAssignments: Map<string, CurrentAssignment[]>;
}

export const cellIdOf = (assetId: number, concernId: number) => `${assetId}/${concernId}`;

export async function loadDatabaseState(tx: Tx, options: { withAssignments: boolean }): Promise<DatabaseState> {
  const [timeZone, teams, people, kinds, assets, concerns, assignments] = await Promise.all([
    readTimeZone(tx),
    tx.team.findMany({ select: { id: true, name: true, function: true } }),
    tx.person.findMany({ select: { id: true, email: true, name: true, teamId: true, role: true, deactivatedAt: true } }),
    tx.assetKind.findMany({ select: { key: true } }),
    tx.asset.findMany({
      select: {
        id: true, key: true, name: true, criticality: true, lifecycle: true, url: true, vendor: true, retiredAt: true,
        kind: { select: { key: true } },
      },
    }),
    tx.concern.findMany({ select: { id: true, key: true, appliesTo: { select: { kind: { select: { key: true } } } } } }),
    options.withAssignments
      ? tx.assignment.findMany({
          where: { endedAt: null },
          select: { id: true, assetId: true, concernId: true, personId: true, role: true, startedAt: true, confirmedAt: true },
        })
      : Promise.resolve([]),
  ]);

  const currentAssignments = new Map<string, CurrentAssignment[]>();
  for (const { assetId, concernId, ...assignment } of assignments) {
    const cellId = cellIdOf(assetId, concernId);
    const list = currentAssignments.get(cellId) ?? [];
    list.push(assignment);
    currentAssignments.set(cellId, list);
  }
  return {
    timeZone,
    teams: new Map(teams.map((team) => [team.name, team])),
    people: new Map(people.map((person) => [person.email, person])),
    emailOf: new Map(people.map((person) => [person.id, person.email])),
    kinds: new Set(kinds.map((kind) => kind.key)),
    assets: new Map(assets.map(({ kind, ...asset }) => [asset.key, { ...asset, kind: kind.key }])),
    concerns: new Map(
      concerns.map((concern) => [concern.key, { id: concern.id, kinds: new Set(concern.appliesTo.map((entry) => entry.kind.key)) }]),
    ),
    currentAssignments,
  };
}
