import { formatPercent } from "@/components/ui/coverage-bar";
import type { AssetCoverage } from "@/lib/catalog/asset-coverage";
import { CRITICALITY_LABEL, HOME_LABEL, LIFECYCLE_LABEL } from "@/lib/catalog/format";
import type { ConcernHomeValue, CriticalityValue, LifecycleValue } from "@/lib/catalog/constants";
import styles from "../assets.module.css";

export function CriticalityPill({ value }: { value: CriticalityValue }) {
  return <span className={`${styles.criticality} ${styles[`criticality-${value}`]}`}>{CRITICALITY_LABEL[value]}</span>;
}

export function LifecycleLabel({ value }: { value: LifecycleValue }) {
  return <span className={styles[`lifecycle-${value}`]}>{LIFECYCLE_LABEL[value]}</span>;
}

export function HomeLabel({ value }: { value: ConcernHomeValue }) {
  return <span className={`${styles.home} ${styles[`home-${value}`]}`}>{HOME_LABEL[value]}</span>;
}

/** "12 of 14 · 85.7%" over a thin bar; out of scope when nothing counts. */
export function AssetCoverageFigure({ coverage }: { coverage: AssetCoverage }) {
  if (coverage.inScope === 0) return <span className="muted">Out of scope</span>;
  return (
    <span className={styles.coverage}>
      <span className={styles.coverageText}>
        <strong>{formatPercent(coverage.percent)}</strong>{" "}
        <span className="muted">
          {coverage.covered} of {coverage.inScope}
        </span>
      </span>
      <span className={styles.coverageTrack} aria-hidden="true">
        <span className={styles.coverageFill} style={{ width: `${coverage.percent ?? 0}%`, display: "block" }} />
      </span>
    </span>
  );
}
