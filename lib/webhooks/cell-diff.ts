import type { CellView } from "./cell-views";
import type { EventToEmit } from "./emit";

/**
 * What a write did to some cells, as webhook events: `cell.changed` when a cell's holders are not the ones it
 * had, `gap.opened` for each gap type it has and did not have, `gap.closed` for each it had and has no more.
 * A cell absent before (a new asset's, say) had no holders and no gaps.
 */
export function diffCells(
  before: ReadonlyMap<string, CellView>,
  after: ReadonlyMap<string, CellView>,
): EventToEmit[] {
  const events: EventToEmit[] = [];
  const holdersOf = (view: CellView | undefined) =>
    view?.holders.map((holder) => `${holder.role}:${holder.person_email}`).join(",") ?? "";
  for (const [key, now] of after) {
    const was = before.get(key);
    const cell = { asset_key: now.assetKey, concern_key: now.concernKey };
    if (holdersOf(was) !== holdersOf(now)) {
      events.push({
        type: "cell.changed",
        data: {
          ...cell,
          holders: now.holders,
          previous_holders: was?.holders ?? [],
          covered: now.covered,
          gaps: now.gaps.map((gap) => gap.type),
        },
      });
    }
    const had = new Set(was?.gaps.map((gap) => gap.type) ?? []);
    const has = new Set(now.gaps.map((gap) => gap.type));
    for (const gap of now.gaps)
      if (!had.has(gap.type))
        events.push({
          type: "gap.opened",
          data: { ...cell, gap_type: gap.type, severity: gap.severity, holders: now.holders },
        });
    for (const gap of was?.gaps ?? [])
      if (!has.has(gap.type))
        events.push({
          type: "gap.closed",
          data: { ...cell, gap_type: gap.type, severity: gap.severity, holders: now.holders },
        });
  }
  return events;
}
