import { getPrisma, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { compareByCoverage, loadAssetCoverage, NO_COVERAGE, type AssetCoverage } from "./asset-coverage";
import type { AssetListParams } from "./asset-list-params";
import type { CriticalityValue, LifecycleValue } from "./constants";

export interface AssetRow {
  id: number;
  key: string;
  name: string;
  kindLabel: string;
  vendor: string | null;
  criticality: CriticalityValue;
  lifecycle: LifecycleValue;
  coverage: AssetCoverage;
}

export interface AssetList {
  rows: AssetRow[];
  total: number;
  /** The page shown: the requested one, or the last when it asked beyond the end. */
  page: number;
  size: number;
}

const ROW_SELECT = {
  id: true,
  key: true,
  name: true,
  vendor: true,
  criticality: true,
  lifecycle: true,
  kind: { select: { label: true } },
} satisfies Prisma.AssetSelect;

/** The owning team is computed, not stored: a member of it holds A on a current assignment of the asset. */
export function assetWhere(params: Pick<AssetListParams, "q" | "kind" | "criticality" | "lifecycle" | "team">): Prisma.AssetWhereInput {
  const where: Prisma.AssetWhereInput[] = [];
  if (params.q) {
    where.push({
      OR: [
        { name: { contains: params.q, mode: "insensitive" } },
        { key: { contains: params.q, mode: "insensitive" } },
        { vendor: { contains: params.q, mode: "insensitive" } },
      ],
    });
  }
  if (params.kind) where.push({ kind: { key: params.kind } });
  if (params.criticality) where.push({ criticality: params.criticality });
  if (params.lifecycle) where.push({ lifecycle: params.lifecycle });
  if (params.team !== null) {
    where.push({ assignments: { some: { role: "A", endedAt: null, person: { teamId: params.team } } } });
  }
  return where.length ? { AND: where } : {};
}

function orderByOf(params: AssetListParams): Prisma.AssetOrderByWithRelationInput[] {
  const dir = params.dir;
  const byColumn: Record<Exclude<AssetListParams["sort"], "coverage">, Prisma.AssetOrderByWithRelationInput> = {
    name: { name: dir },
    key: { key: dir },
    kind: { kind: { label: dir } },
    // Enum columns sort in declaration order: low < medium < high < critical, planned < active < retired.
    criticality: { criticality: dir },
    lifecycle: { lifecycle: dir },
  };
  if (params.sort === "coverage") return [{ key: "asc" }];
  return [byColumn[params.sort], { key: "asc" }];
}

/** One page of the assets list with each asset's coverage, filtered and sorted as the URL says. */
export async function listAssets(params: AssetListParams, db: Db = getPrisma()): Promise<AssetList> {
  const where = assetWhere(params);
  const [total, coverage] = await Promise.all([db.asset.count({ where }), loadAssetCoverage(db)]);
  const size = params.size;
  const page = Math.min(params.page, Math.max(1, Math.ceil(total / size)));
  const coverageOf = (id: number) => coverage.get(id) ?? NO_COVERAGE;

  if (params.sort !== "coverage") {
    const rows = await db.asset.findMany({ where, select: ROW_SELECT, orderBy: orderByOf(params), skip: (page - 1) * size, take: size });
    return { rows: rows.map((row) => toRow(row, coverageOf(row.id))), total, page, size };
  }
  // Coverage is not a column: order every matching id by it, then load only the page's rows.
  const ids = await db.asset.findMany({ where, select: { id: true, key: true } });
  const pageIds = ids
    .map((asset) => ({ ...asset, coverage: coverageOf(asset.id) }))
    .sort((a, b) => compareByCoverage(a, b, params.dir))
    .slice((page - 1) * size, page * size)
    .map((asset) => asset.id);
  const rows = await db.asset.findMany({ where: { id: { in: pageIds } }, select: ROW_SELECT });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    rows: pageIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toRow(row, coverageOf(id))] : [];
    }),
    total,
    page,
    size,
  };
}

function toRow(row: Prisma.AssetGetPayload<{ select: typeof ROW_SELECT }>, coverage: AssetCoverage): AssetRow {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    kindLabel: row.kind.label,
    vendor: row.vendor,
    criticality: row.criticality,
    lifecycle: row.lifecycle,
    coverage,
  };
}

export interface AssetFilterOptions {
  kinds: { key: string; label: string }[];
  teams: { id: number; name: string }[];
}

export async function listAssetFilterOptions(db: Db = getPrisma()): Promise<AssetFilterOptions> {
  const [kinds, teams] = await Promise.all([
    db.assetKind.findMany({ select: { key: true, label: true }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }] }),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { kinds, teams };
}

export interface AssetFormValues {
  key: string;
  name: string;
  kindKey: string;
  criticality: CriticalityValue;
  lifecycle: LifecycleValue;
  url: string;
  vendor: string;
  description: string;
  updatedAt: string;
}

/** What the edit form starts from, including the version it will send back. */
export async function getAssetFormValues(key: string, db: Db = getPrisma()): Promise<AssetFormValues | null> {
  const asset = await db.asset.findUnique({ where: { key }, select: ASSET_FORM_SELECT });
  return asset ? toAssetFormValues(asset) : null;
}

export const ASSET_FORM_SELECT = {
  key: true,
  name: true,
  criticality: true,
  lifecycle: true,
  url: true,
  vendor: true,
  description: true,
  updatedAt: true,
  kind: { select: { key: true } },
} satisfies Prisma.AssetSelect;

export function toAssetFormValues(asset: Prisma.AssetGetPayload<{ select: typeof ASSET_FORM_SELECT }>): AssetFormValues {
  return {
    key: asset.key,
    name: asset.name,
    kindKey: asset.kind.key,
    criticality: asset.criticality,
    lifecycle: asset.lifecycle,
    url: asset.url ?? "",
    vendor: asset.vendor ?? "",
    description: asset.description ?? "",
    updatedAt: asset.updatedAt.toISOString(),
  };
}

/** For the browser tab's title. */
export async function getAssetName(key: string, db: Db = getPrisma()): Promise<string | null> {
  return (await db.asset.findUnique({ where: { key }, select: { name: true } }))?.name ?? null;
}
