import { CoverageBar, formatPercent } from "@/components/ui/coverage-bar";
import type { Report } from "@/lib/report/build-report";

/** Coverage at the report's date: the headline figure and its split by concern home, all written out. */
export function CoverageHeadline({ coverage }: { coverage: Report["coverage"] }) {
  const { overall, byFunction } = coverage;
  return (
    <div className="report-coverage-grid">
      <p className="headline-figure" data-testid="report-coverage-overall">
        <span className="headline-value">{formatPercent(overall.percent)}</span>
        <span className="muted">
          {overall.covered} of {overall.inScope} cells in scope covered
        </span>
      </p>
      <div>
        <CoverageBar label="Marketing concerns" figure={byFunction.marketing} tone="marketing" />
        <CoverageBar label="IT concerns" figure={byFunction.it} tone="it" />
        <CoverageBar label="Shared concerns" figure={byFunction.shared} tone="shared" />
      </div>
    </div>
  );
}
