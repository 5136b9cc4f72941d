import type { DataPolicy } from "@/lib/auth/write-policy";
import { canEditCell, ownershipEditors } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadCellState, type CellState } from "./cell-state";
import { listCellsHandedOffTo } from "./handoffs";
import { readTimeZone } from "@/lib/settings/queries";

export type CellParams = { assetKey: string; concernKey: string };

/**
 * Who may edit a cell's ownership (DESIGN.md section 5): the policy of POST /api/cells/[assetKey]/[concernKey].
 * Viewers are refused on their role; for a manager the facts are read in the write's transaction, after
 * the asset row is locked, so two saves of one cell are serialised and the cell allowed is the cell written.
 */
export const cellEditors: DataPolicy<CellState, CellParams> = {
  role: ownershipEditors,
  async authorize({ tx, user, params }) {
    const now = new Date();
    await tx.$queryRaw`SELECT id FROM "Asset" WHERE key = ${params.assetKey} FOR UPDATE`;
    const state = await loadCellState(tx, params.assetKey, params.concernKey, now);
    if (user.role === "admin") return state;
    const timeZone = await readTimeZone(tx);
    const handedOff = user.teamId === null ? [] : await listCellsHandedOffTo(tx, user.teamId, now, timeZone);
    const allowed = canEditCell(user, {
      cell: state.evaluated,
      people: state.people,
      handedOffToUsersTeam: handedOff.some((h) => h.assetId === state.asset.id && h.concernId === state.concern.id),
    });
    if (!allowed) {
      throw new AppError(
        "forbidden",
        "You can change this cell only when someone in your team is accountable or responsible for it, or when it is an uncovered cell of your team's review.",
      );
    }
    return state;
  },
};
