import type { PersonLoad, TeamFunction } from "@/lib/rules";
import styles from "./people.module.css";

export const FUNCTION_LABEL: Record<TeamFunction, string> = {
  marketing: "Marketing",
  it: "IT",
  other: "Other",
};
/** A shape per function, so the marker does not rely on its colour alone. */
const FUNCTION_MARK: Record<TeamFunction, string> = { marketing: "◆", it: "■", other: "○" };

export function FunctionBadge({ fn }: { fn: TeamFunction }) {
  return (
    <span className={`${styles.badge} ${styles[fn]}`} data-testid="team-function">
      <span aria-hidden="true" className={styles.marker}>
        {FUNCTION_MARK[fn]}
      </span>
      {FUNCTION_LABEL[fn]}
    </span>
  );
}

export function LeftBadge({ on }: { on: string }) {
  return <span className={`${styles.badge} ${styles.left}`}>Left on {on}</span>;
}

export function OverloadedBadge({ load }: { load: Pick<PersonLoad, "overloadReasons"> }) {
  const why = load.overloadReasons.some((reason) => reason === "high-critical")
    ? "Too many high or critical cells"
    : "Too large a share of one concern";
  return (
    <span className={`${styles.badge} ${styles.overloaded}`} title={why}>
      <span aria-hidden="true">▲</span> Overloaded
    </span>
  );
}

export const ROLE_LABEL = {
  admin: "Admin",
  manager: "Manager",
  viewer: "Viewer",
  none: "None (does not sign in)",
} as const;

const FILL_CLASS: Record<TeamFunction, string> = {
  marketing: "tone-marketing",
  it: "tone-it",
  other: styles.fillOther ?? "",
};

/** A coverage bar in the team's function colour; the figure is always written next to it. */
export function CoverageMeter({ fn, percent }: { fn: TeamFunction; percent: number | null }) {
  return (
    <div className="coverage-track" aria-hidden="true">
      <div className={`coverage-fill ${FILL_CLASS[fn]}`} style={{ width: `${percent ?? 0}%` }} />
    </div>
  );
}

/** A person's accountable cells with the overloaded marker; people who left carry no load. */
export function LoadFigure({ load, left }: { load: PersonLoad | undefined; left: boolean }) {
  if (left) {
    return (
      <span className="muted" title="People who left carry no load; their cells show departed-owner gaps.">
        —
      </span>
    );
  }
  return (
    <span className={styles.loadCell}>
      {load?.overloaded ? <OverloadedBadge load={load} /> : null}
      <span>{load?.accountableCells ?? 0}</span>
    </span>
  );
}
