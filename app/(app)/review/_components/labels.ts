import type { ReviewDecision } from "@/lib/rules";

/** Each decision carries a symbol and words as well as a colour, so it reads without colour too. */
export const DECISION_MARK: Record<ReviewDecision, string> = { confirm: "✓", change: "⇄", flag: "⚑", handoff: "→" };
export const DECISION_DONE: Record<ReviewDecision, string> = { confirm: "Confirmed", change: "Changed", flag: "Flagged", handoff: "Handed off" };
export const DECISION_ACTION: Record<ReviewDecision, string> = { confirm: "Confirm", change: "Change", flag: "Flag", handoff: "Hand off" };
export const HOME_LABEL = { marketing: "Marketing", it: "IT", shared: "Shared" } as const;
export const CRITICALITY_LABEL = { low: "Low", medium: "Medium", high: "High", critical: "Critical" } as const;
export const ROLE_LABEL = { A: "Accountable", R: "Responsible", C: "Consulted", I: "Informed" } as const;
