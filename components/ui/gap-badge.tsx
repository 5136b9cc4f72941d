import type { GapType, Severity } from "@/lib/rules";
import { GAP_LABEL } from "@/lib/rules/gap-labels";

/** Severity is carried by an icon shape and the words, not by colour alone. */
const SEVERITY_MARK: Record<Severity, string> = { critical: "■", high: "▲", medium: "●" };

export function GapBadge({ type, severity }: { type: GapType; severity: Severity }) {
  return (
    <span className={`gap-badge severity-${severity}`} title={`${GAP_LABEL[type]} (${severity})`}>
      <span aria-hidden="true">{SEVERITY_MARK[severity]}</span> {GAP_LABEL[type]}
    </span>
  );
}

export function CoveredBadge() {
  return (
    <span className="gap-badge covered">
      <span aria-hidden="true">✓</span> Covered
    </span>
  );
}
