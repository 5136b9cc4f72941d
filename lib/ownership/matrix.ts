import { getPrisma } from "@/lib/db/client";
import type { EvaluatedCell, GapType, Severity } from "@/lib/rules";
import { MATRIX_PAGE_SIZE, type MatrixFilters } from "./matrix-filters";
import { loadCurrentSnapshot } from "./current-snapshot";

export type CellTone = "covered" | Severity | "out-of-scope";

export interface MatrixCell {
  concernKey: string;
  tone: CellTone;
  gaps: GapType[];
  /** Short names of the A holders, for the grid. */
  accountable: string[];
  responsibleCount: number;
}

export interface MatrixRow {
  asset: { key: string; name: string; kindLabel: string; criticality: string; retired: boolean };
  /** One entry per column; null where the concern does not apply to the asset's kind. */
  cells: (MatrixCell | null)[];
}

export interface Matrix {
  concerns: { key: string; name: string; home: string }[];
  rows: MatrixRow[];
  totalAssets: number;
  page: number;
  pageSize: number;
  kinds: { key: string; label: string }[];
  teams: { id: number; name: string; function: string }[];
}

const SEVERITY_ORDER: Severity[] = ["critical", "high", "medium"];

/** The worst gap decides the colour; a covered cell may still be stale or flagged. */
export function toneOf(cell: EvaluatedCell): CellTone {
  if (!cell.inScope) return "out-of-scope";
  for (const severity of SEVERITY_ORDER) if (cell.gaps.some((gap) => gap.severity === severity)) return severity;
  return "covered";
}

/** The assets × concerns grid for one page of assets, with the filters of the URL applied. */
export async function loadMatrix(filters: MatrixFilters, page: number): Promise<Matrix> {
  const prisma = getPrisma();
  const [snapshot, assets, concerns, people, kinds, teams] = await Promise.all([
    loadCurrentSnapshot(prisma),
    prisma.asset.findMany({
      select: { id: true, key: true, name: true, criticality: true, lifecycle: true, kind: { select: { key: true, label: true } } },
      orderBy: { name: "asc" },
    }),
    prisma.concern.findMany({ select: { id: true, key: true, name: true, home: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
    prisma.person.findMany({ select: { id: true, name: true } }),
    prisma.assetKind.findMany({ select: { key: true, label: true }, orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
    prisma.team.findMany({ select: { id: true, name: true, function: true }, orderBy: { name: "asc" } }),
  ]);
  const shownConcerns = concerns.filter((concern) => !filters.home || concern.home === filters.home);
  const cellsByAsset = new Map<number, Map<number, EvaluatedCell>>();
  for (const cell of snapshot.cells) {
    const byConcern = cellsByAsset.get(cell.assetId) ?? new Map<number, EvaluatedCell>();
    byConcern.set(cell.concernId, cell);
    cellsByAsset.set(cell.assetId, byConcern);
  }
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const teamHoldsAOrR = (cell: EvaluatedCell) =>
    cell.holders.some((h) => (h.role === "A" || h.role === "R") && snapshot.people.get(h.personId)?.teamId === filters.team);
  const visibleCells = (assetId: number) =>
    shownConcerns.map((concern) => cellsByAsset.get(assetId)?.get(concern.id)).filter((cell): cell is EvaluatedCell => Boolean(cell));

  const search = filters.q?.toLowerCase();
  const matching = assets.filter((asset) => {
    if (filters.kind && asset.kind.key !== filters.kind) return false;
    if (filters.criticality && asset.criticality !== filters.criticality) return false;
    if (search && !asset.name.toLowerCase().includes(search) && !asset.key.includes(search)) return false;
    const cells = visibleCells(asset.id);
    if (filters.team && !cells.some(teamHoldsAOrR)) return false;
    if (filters.state === "gaps" && !cells.some((cell) => cell.gaps.length > 0)) return false;
    if (filters.state === "covered" && !cells.some((cell) => cell.covered)) return false;
    return true;
  });
  const pageRows = matching.slice((page - 1) * MATRIX_PAGE_SIZE, page * MATRIX_PAGE_SIZE);
  return {
    concerns: shownConcerns.map(({ key, name, home }) => ({ key, name, home })),
    rows: pageRows.map((asset) => ({
      asset: { key: asset.key, name: asset.name, kindLabel: asset.kind.label, criticality: asset.criticality, retired: asset.lifecycle === "retired" },
      cells: shownConcerns.map((concern) => {
        const cell = cellsByAsset.get(asset.id)?.get(concern.id);
        if (!cell) return null;
        return {
          concernKey: concern.key,
          tone: toneOf(cell),
          gaps: cell.gaps.map((gap) => gap.type),
          accountable: cell.holders.filter((h) => h.role === "A").map((h) => shortName(nameOf.get(h.personId) ?? "?")),
          responsibleCount: cell.holders.filter((h) => h.role === "R").length,
        };
      }),
    })),
    totalAssets: matching.length,
    page,
    pageSize: MATRIX_PAGE_SIZE,
    kinds,
    teams,
  };
}

/** "Maya Fischer" -> "Maya F.": enough to recognise someone in a dense grid. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return parts[0] ?? name;
  return `${parts[0]} ${parts.at(-1)![0]}.`;
}
