import { Stat } from "@/components/ui/stat";
import styles from "@/components/people/people.module.css";
import type { PersonLoad } from "@/lib/rules";

/**
 * The person's load from the rules engine. The engine leaves out people with no A cell and people who
 * left; the first carry no load, the second are reported through their cells' departed-owner gaps.
 */
export function PersonLoadPanel({
  load,
  left,
  reasons,
}: {
  load: PersonLoad | undefined;
  left: boolean;
  reasons: string[];
}) {
  return (
    <section className="panel" aria-labelledby="load-heading" data-testid="person-load">
      <h2 id="load-heading">Load</h2>
      {left ? (
        <p className="muted">
          People who left carry no load: the cells they still hold count as gaps until someone takes them
          over.
        </p>
      ) : (
        <>
          <dl className="stat-grid">
            <Stat
              label="Accountable cells"
              value={load?.accountableCells ?? 0}
              hint="in scope, holding A"
              testId="stat-accountable"
            />
            <Stat
              label="On high or critical assets"
              value={load?.highCriticalCells ?? 0}
              hint="of those cells"
              testId="stat-high-critical"
            />
          </dl>
          {load?.overloaded ? (
            <div
              className="notice notice-warning"
              role="note"
              style={{ marginTop: "1rem", marginBottom: 0 }}
              data-testid="overloaded"
            >
              <strong>Overloaded: a single point of failure.</strong>
              <ul className={styles.reasons}>
                {reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">Within the overload limits.</p>
          )}
        </>
      )}
    </section>
  );
}
