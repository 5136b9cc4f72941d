import type { Prisma } from "@/lib/db/generated/client";
import { cellKey } from "@/lib/rules";
import { diffCells } from "./cell-diff";
import { readCellViews, type CellRef } from "./cell-views";
import { emitWebhookEvents, findSubscribers } from "./emit";

type Tx = Prisma.TransactionClient;

/**
 * `cell.changed`, `gap.opened` and `gap.closed` for one write: the write's cells are read and evaluated before
 * it, then again after it, and the difference is emitted (./cell-diff.ts). When no enabled endpoint subscribes
 * to any of the three, watching costs one query and reads no cell.
 */

/** The cells a write may change: by id, by key (an import's rows), and those a person holds A or R on. */
export interface CellSelection {
  cells?: readonly CellRef[];
  keys?: readonly { assetKey: string; concernKey: string }[];
  /** People whose deactivation or reactivation changes the cells they hold A or R on. */
  heldBy?: readonly number[];
}

export interface CellWatch {
  /** Reads the cells again, after the write, and emits what changed. */
  emit(occurredAt: Date): Promise<void>;
}

const CELL_EVENT_TYPES = ["cell.changed", "gap.opened", "gap.closed"] as const;

export async function watchCells(tx: Tx, selection: CellSelection, now: Date): Promise<CellWatch | null> {
  const subscribers = await findSubscribers(tx, CELL_EVENT_TYPES);
  if (!subscribers.wantsAny()) return null;
  const beforeRefs = await resolveCells(tx, selection);
  const before = await readCellViews(tx, beforeRefs, now);
  return {
    async emit(occurredAt) {
      // Read again: an import's keys may name cells of assets it created.
      const refs = new Map(
        [...beforeRefs, ...(await resolveCells(tx, selection))].map((cell) => [
          cellKey(cell.assetId, cell.concernId),
          cell,
        ]),
      );
      const after = await readCellViews(tx, [...refs.values()], occurredAt);
      await emitWebhookEvents(tx, subscribers, diffCells(before, after), occurredAt);
    },
  };
}

async function resolveCells(
  tx: Tx,
  { cells = [], keys = [], heldBy = [] }: CellSelection,
): Promise<CellRef[]> {
  const [byKey, held] = await Promise.all([
    keys.length === 0
      ? []
      : tx.$queryRaw<CellRef[]>`
          SELECT a.id AS "assetId", c.id AS "concernId"
          FROM unnest(${keys.map((key) => key.assetKey)}::text[], ${keys.map((key) => key.concernKey)}::text[]) AS k(asset_key, concern_key)
          JOIN "Asset" a ON a.key = k.asset_key JOIN "Concern" c ON c.key = k.concern_key`,
    heldBy.length === 0
      ? []
      : tx.$queryRaw<CellRef[]>`
          SELECT DISTINCT "assetId", "concernId" FROM "Assignment"
          WHERE "personId" = ANY(${[...heldBy]}::int[]) AND "endedAt" IS NULL AND role IN ('A', 'R')`,
  ]);
  const unique = new Map(
    [...cells, ...byKey, ...held].map((cell) => [
      cellKey(cell.assetId, cell.concernId),
      { assetId: cell.assetId, concernId: cell.concernId },
    ]),
  );
  return [...unique.values()];
}
