import type { CoverageFigure } from "@/lib/rules";

export function formatPercent(percent: number | null): string {
  return percent === null ? "–" : `${percent.toFixed(1)}%`;
}

/** A labelled bar; the figure is always written out, so the bar is decoration, not the only carrier. */
export function CoverageBar({ label, figure, tone, testId }: { label: string; figure: CoverageFigure; tone: "marketing" | "it" | "shared"; testId?: string }) {
  return (
    <div className="coverage-row" data-testid={testId}>
      <div className="coverage-row-label">
        <span>{label}</span>
        <span className="coverage-row-figure">
          <strong>{formatPercent(figure.percent)}</strong> <span className="muted">{figure.covered} of {figure.inScope}</span>
        </span>
      </div>
      <div className="coverage-track" aria-hidden="true">
        <div className={`coverage-fill tone-${tone}`} style={{ width: `${figure.percent ?? 0}%` }} />
      </div>
    </div>
  );
}
