import { getPrisma, type Db } from "@/lib/db/client";
import { loadSnapshotAsOf } from "@/lib/ownership/current-snapshot";
import { coverageOf, type CoverageFigure, type EvaluatedCell } from "@/lib/rules";
import type { ConcernHomeValue } from "./constants";

export interface CatalogKind {
  key: string;
  label: string;
  /** Assets of this kind that are in scope (not retired). */
  assetsInScope: number;
}

export interface CatalogConcern {
  key: string;
  name: string;
  home: ConcernHomeValue;
  description: string | null;
  /** Applies to every asset kind, kinds added later included. */
  appliesToEveryKind: boolean;
  kindKeys: string[];
  updatedAt: string;
  /** Cells in scope now and how many are covered, from the rules engine. */
  coverage: CoverageFigure;
}

export interface Catalog {
  kinds: CatalogKind[];
  concerns: CatalogConcern[];
}

/** The concern catalog with each concern's kinds and in-scope cells, and every asset kind. */
export async function getCatalog(db: Db = getPrisma(), asOfDate?: Date): Promise<Catalog> {
  const [kinds, concerns, assetCounts, snapshot] = await Promise.all([
    db.assetKind.findMany({ select: { id: true, key: true, label: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
    db.concern.findMany({
      select: {
        key: true,
        name: true,
        home: true,
        description: true,
        appliesToEveryKind: true,
        updatedAt: true,
        appliesTo: { select: { kind: { select: { key: true } } } },
      },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
    }),
    db.asset.groupBy({ by: ["kindId"], where: { lifecycle: { not: "retired" } }, _count: { _all: true } }),
    loadSnapshotAsOf(db, asOfDate),
  ]);
  const assetsByKind = new Map(assetCounts.map((row) => [row.kindId, row._count._all]));
  const cellsByConcern = groupCellsByConcern(snapshot.cells);
  return {
    kinds: kinds.map((kind) => ({ key: kind.key, label: kind.label, assetsInScope: assetsByKind.get(kind.id) ?? 0 })),
    concerns: concerns.map((concern) => ({
      key: concern.key,
      name: concern.name,
      home: concern.home,
      description: concern.description,
      appliesToEveryKind: concern.appliesToEveryKind,
      kindKeys: concern.appliesTo.map((row) => row.kind.key).sort(),
      updatedAt: concern.updatedAt.toISOString(),
      coverage: coverageOf(cellsByConcern.get(concern.key) ?? []),
    })),
  };
}

function groupCellsByConcern(cells: readonly EvaluatedCell[]): Map<string, EvaluatedCell[]> {
  const groups = new Map<string, EvaluatedCell[]>();
  for (const cell of cells) {
    const group = groups.get(cell.concernKey);
    if (group) group.push(cell);
    else groups.set(cell.concernKey, [cell]);
  }
  return groups;
}
