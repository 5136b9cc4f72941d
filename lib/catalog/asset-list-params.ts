import { parsePage } from "@/lib/validation/page-number";
import { CRITICALITIES, LIFECYCLES, SLUG_PATTERN, type CriticalityValue, type LifecycleValue } from "./constants";

/**
 * The assets list's state lives in the URL so a view can be shared. Anything unexpected in the query
 * string falls back to the default instead of failing the page.
 */

export const ASSET_SORTS = ["name", "key", "kind", "criticality", "lifecycle", "coverage"] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];
export type SortDirection = "asc" | "desc";

export const DEFAULT_PAGE_SIZE = 50;
/** Other page sizes a link may ask for; anything else is the default. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The direction a column sorts in when first chosen: the most critical and least covered come first. */
export const DEFAULT_DIRECTION: Record<AssetSort, SortDirection> = {
  name: "asc",
  key: "asc",
  kind: "asc",
  criticality: "desc",
  lifecycle: "asc",
  coverage: "asc",
};

export interface AssetListParams {
  /** Case-insensitive text searched in name, key and vendor; "" for none. */
  q: string;
  kind: string | null;
  criticality: CriticalityValue | null;
  lifecycle: LifecycleValue | null;
  /** Owning team id: the team of someone holding A on a current assignment of the asset. */
  team: number | null;
  sort: AssetSort;
  dir: SortDirection;
  page: number;
  size: number;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.trim();

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export function parseAssetListParams(searchParams: RawSearchParams): AssetListParams {
  const kind = first(searchParams.kind);
  const team = Number(first(searchParams.team));
  const sort = oneOf(ASSET_SORTS, first(searchParams.sort)) ?? "name";
  const size = Number(first(searchParams.size));
  return {
    q: (first(searchParams.q) ?? "").slice(0, 100),
    kind: kind && SLUG_PATTERN.test(kind) ? kind : null,
    criticality: oneOf(CRITICALITIES, first(searchParams.criticality)),
    lifecycle: oneOf(LIFECYCLES, first(searchParams.lifecycle)),
    team: Number.isInteger(team) && team > 0 && team < 2 ** 31 ? team : null,
    sort,
    dir: oneOf(["asc", "desc"] as const, first(searchParams.dir)) ?? DEFAULT_DIRECTION[sort],
    page: parsePage(searchParams.page),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The query string of a list state, leaving defaults out so shared links stay short. */
export function toAssetListQuery(params: AssetListParams, overrides: Partial<AssetListParams> = {}): Record<string, string | undefined> {
  const merged = { ...params, ...overrides };
  return {
    q: merged.q || undefined,
    kind: merged.kind ?? undefined,
    criticality: merged.criticality ?? undefined,
    lifecycle: merged.lifecycle ?? undefined,
    team: merged.team === null ? undefined : String(merged.team),
    sort: merged.sort === "name" ? undefined : merged.sort,
    dir: merged.dir === DEFAULT_DIRECTION[merged.sort] ? undefined : merged.dir,
    size: merged.size === DEFAULT_PAGE_SIZE ? undefined : String(merged.size),
    page: merged.page > 1 ? String(merged.page) : undefined,
  };
}

/** `/assets?...` for a list state. */
export function assetListHref(params: AssetListParams, overrides: Partial<AssetListParams> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(toAssetListQuery(params, overrides))) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/assets?${text}` : "/assets";
}

/** Where a column header's link goes: the same column flips direction, another starts at its default. */
export function sortHref(params: AssetListParams, sort: AssetSort): string {
  const dir = params.sort === sort ? (params.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort];
  return assetListHref(params, { sort, dir, page: 1 });
}

export function hasFilters(params: AssetListParams): boolean {
  return Boolean(params.q || params.kind || params.criticality || params.lifecycle || params.team);
}

/** Drops a kind or team filter that names nothing known, as if it had not been given. */
export function withKnownOptions(params: AssetListParams, known: { kindKeys: readonly string[]; teamIds: readonly number[] }): AssetListParams {
  return {
    ...params,
    kind: params.kind !== null && known.kindKeys.includes(params.kind) ? params.kind : null,
    team: params.team !== null && known.teamIds.includes(params.team) ? params.team : null,
  };
}
