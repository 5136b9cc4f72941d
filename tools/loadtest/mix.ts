/**
 * What the virtual users do. Each one sends its next request as soon as the previous one answered (no
 * think time), so 50 users keep up to 50 requests in flight. Managers read, edit cells and decide
 * review items; viewers only read, after one write of theirs that must be refused.
 */

export type UserRole = "manager" | "viewer";

export interface VirtualUserPlan {
  index: number;
  email: string;
  role: UserRole;
}

export const PAGE_PATHS = ["/", "/matrix", "/assets", "/report", "/review", "/people"] as const;

/** Shares of a manager's requests; a viewer's are all page views. */
export const MANAGER_MIX = { page: 0.7, cellEdit: 0.15, reviewDecision: 0.15 } as const;

export const MANAGER_SHARE = 0.6;

/**
 * Spreads the users over the accounts, several sessions per account: managers round-robin over the
 * managers' accounts so that every team's review and cells get written.
 */
export function planVirtualUsers(
  count: number,
  managers: readonly string[],
  viewers: readonly string[],
): VirtualUserPlan[] {
  if (managers.length === 0 || viewers.length === 0)
    throw new RangeError("The load test needs manager and viewer accounts.");
  const managerCount = count === 1 ? 1 : Math.min(count - 1, Math.max(1, Math.round(count * MANAGER_SHARE)));
  return Array.from({ length: count }, (_, index) =>
    index < managerCount
      ? { index, email: managers[index % managers.length]!, role: "manager" as const }
      : { index, email: viewers[(index - managerCount) % viewers.length]!, role: "viewer" as const },
  );
}

export type Action = { kind: "page"; path: string } | { kind: "cell-edit" } | { kind: "review-decision" };

/** A manager without cells of their own to edit or decide reads a page instead, keeping the request rate. */
export function chooseAction(
  role: UserRole,
  random: () => number,
  can: { cellEdit: boolean; reviewDecision: boolean },
): Action {
  const page = (): Action => ({ kind: "page", path: PAGE_PATHS[Math.floor(random() * PAGE_PATHS.length)]! });
  if (role === "viewer") return page();
  const draw = random();
  if (draw < MANAGER_MIX.page) return page();
  if (draw < MANAGER_MIX.page + MANAGER_MIX.cellEdit) return can.cellEdit ? { kind: "cell-edit" } : page();
  return can.reviewDecision ? { kind: "review-decision" } : page();
}

export type DecisionBody =
  | { assetKey: string; concernKey: string; decision: "confirm"; note: string }
  | { assetKey: string; concernKey: string; decision: "flag"; flagReason: "owner-unclear"; note: string }
  | {
      assetKey: string;
      concernKey: string;
      decision: "change";
      accountableId: number;
      responsibleIds: [];
      note: string;
    };

/**
 * Mostly confirmations, as in a real week, with flags and changes. Every decision carries a note unique
 * to the run, so the check afterwards can find this very write in the audit trail.
 */
export function chooseDecision(
  cell: string,
  random: () => number,
  note: string,
  selfId: number,
): DecisionBody {
  const [assetKey, concernKey] = splitCell(cell);
  const draw = random();
  if (draw < 0.6) return { assetKey, concernKey, decision: "confirm", note };
  if (draw < 0.85) return { assetKey, concernKey, decision: "flag", flagReason: "owner-unclear", note };
  return { assetKey, concernKey, decision: "change", accountableId: selfId, responsibleIds: [], note };
}

export function splitCell(cell: string): [assetKey: string, concernKey: string] {
  const slash = cell.indexOf("/");
  if (slash <= 0 || slash === cell.length - 1) throw new RangeError(`Not a cell: "${cell}"`);
  return [cell.slice(0, slash), cell.slice(slash + 1)];
}
