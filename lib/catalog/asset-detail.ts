import { auditActorSelect, describeActor } from "@/lib/audit/actor";
import { getPrisma, type Db } from "@/lib/db/client";
import type { ConcernHome, Gap, RaciRole } from "@/lib/rules";
import { loadSnapshotAsOf } from "@/lib/ownership/current-snapshot";
import { summarizeAssetCoverage, NO_COVERAGE, type AssetCoverage } from "./asset-coverage";
import { describeAction, summarizeChange } from "./audit-summary";
import type { CriticalityValue, LifecycleValue } from "./constants";
import { readTimeZone } from "@/lib/settings/queries";

export const HISTORY_LIMIT = 100;

export interface HolderName {
  personId: number;
  name: string;
  /** Deactivated: shown as "(left)". */
  left: boolean;
  confirmedAt: Date | null;
}

export interface AssetCellRow {
  concernKey: string;
  concernName: string;
  concernHome: ConcernHome;
  inScope: boolean;
  covered: boolean;
  gaps: Gap[];
  holders: Record<RaciRole, HolderName[]>;
}

export interface HistoryEntry {
  id: number;
  at: Date;
  actorName: string | null;
  /** What it happened to: "Asset" or the concern's name for a cell. */
  subject: string;
  action: string;
  change: string;
}

export interface EndedAssignmentRow {
  id: number;
  personName: string;
  personLeft: boolean;
  role: RaciRole;
  concernName: string;
  startedAt: Date;
  endedAt: Date;
}

export interface AssetDetail {
  asset: {
    key: string;
    name: string;
    kindLabel: string;
    criticality: CriticalityValue;
    lifecycle: LifecycleValue;
    url: string | null;
    vendor: string | null;
    description: string | null;
    retiredAt: Date | null;
  };
  coverage: AssetCoverage;
  cells: AssetCellRow[];
  history: HistoryEntry[];
  endedAssignments: EndedAssignmentRow[];
  timeZone: string;
}

/** Everything the asset page shows, or null for an unknown key. Cells come from the one rules engine. */
export async function getAssetDetail(key: string, db: Db = getPrisma(), asOfDate?: Date): Promise<AssetDetail | null> {
  const asset = await db.asset.findUnique({
    where: { key },
    select: {
      id: true,
      key: true,
      name: true,
      criticality: true,
      lifecycle: true,
      url: true,
      vendor: true,
      description: true,
      retiredAt: true,
      kind: { select: { label: true } },
    },
  });
  if (!asset) return null;

  const [snapshot, concerns, events, ended, timeZone] = await Promise.all([
    loadSnapshotAsOf(db, asOfDate),
    db.concern.findMany({ select: { id: true, key: true, name: true, sortOrder: true } }),
    db.auditEvent.findMany({
      where: {
        OR: [
          { entityType: "asset", entityId: asset.key },
          { entityType: "cell", entityId: { startsWith: `${asset.key}/` } },
        ],
      },
      select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true, ...auditActorSelect },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
    }),
    db.assignment.findMany({
      where: { assetId: asset.id, endedAt: { not: null } },
      select: {
        id: true,
        role: true,
        startedAt: true,
        endedAt: true,
        person: { select: { name: true, deactivatedAt: true } },
        concern: { select: { name: true } },
      },
      orderBy: [{ endedAt: "desc" }, { id: "desc" }],
    }),
    readTimeZone(db),
  ]);

  const cells = snapshot.cells.filter((cell) => cell.assetId === asset.id);
  const holderIds = [...new Set(cells.flatMap((cell) => cell.holders.map((holder) => holder.personId)))];
  const people = new Map(
    (await db.person.findMany({ where: { id: { in: holderIds } }, select: { id: true, name: true } })).map((person) => [person.id, person.name]),
  );
  const concernById = new Map(concerns.map((concern) => [concern.id, concern]));
  const concernByKey = new Map(concerns.map((concern) => [concern.key, concern]));

  const cellRows = cells
    .map((cell): AssetCellRow & { order: number } => {
      const concern = concernById.get(cell.concernId);
      const holders: Record<RaciRole, HolderName[]> = { A: [], R: [], C: [], I: [] };
      for (const holder of cell.holders) {
        holders[holder.role].push({
          personId: holder.personId,
          name: people.get(holder.personId) ?? "Unknown person",
          left: !(snapshot.people.get(holder.personId)?.active ?? false),
          confirmedAt: holder.confirmedAt,
        });
      }
      return {
        concernKey: cell.concernKey,
        concernName: concern?.name ?? cell.concernKey,
        concernHome: cell.concernHome,
        inScope: cell.inScope,
        covered: cell.covered,
        gaps: cell.gaps,
        holders,
        order: concern?.sortOrder ?? 0,
      };
    })
    .sort((a, b) => a.order - b.order || a.concernKey.localeCompare(b.concernKey))
    .map(({ order: _order, ...row }) => row);

  return {
    asset: {
      key: asset.key,
      name: asset.name,
      kindLabel: asset.kind.label,
      criticality: asset.criticality,
      lifecycle: asset.lifecycle,
      url: asset.url,
      vendor: asset.vendor,
      description: asset.description,
      retiredAt: asset.retiredAt,
    },
    coverage: summarizeAssetCoverage(cells).get(asset.id) ?? NO_COVERAGE,
    cells: cellRows,
    history: events.map((event) => ({
      id: event.id,
      at: event.at,
      actorName: describeActor(event),
      subject: event.entityType === "asset" ? "Asset" : cellSubject(event.entityId, concernByKey),
      action: describeAction(event.action),
      change: summarizeChange(event.before, event.after),
    })),
    endedAssignments: ended.map((assignment) => ({
      id: assignment.id,
      personName: assignment.person.name,
      personLeft: assignment.person.deactivatedAt !== null,
      role: assignment.role,
      concernName: assignment.concern.name,
      startedAt: assignment.startedAt,
      endedAt: assignment.endedAt!,
    })),
    timeZone,
  };
}

function cellSubject(entityId: string, concerns: Map<string, { name: string }>): string {
  const concernKey = entityId.slice(entityId.indexOf("/") + 1);
  return concerns.get(concernKey)?.name ?? concernKey;
}
