import { describeAction, summarizeChange } from "@/lib/catalog/audit-summary";
import { formatDayTime } from "@/lib/catalog/format";
import type { AuditEvents } from "@/lib/people/queries";
import styles from "@/components/people/people.module.css";

const ACTION_WORDS: Record<string, string> = {
  "person.created": "added this person",
  "person.updated": "edited the details",
  "person.deactivated": "marked this person as left",
  "person.reactivated": "reactivated this person",
  "person.password-set": "set a new password",
  "team.created": "created the team",
  "team.updated": "edited the team",
};

/** The audit trail of a person or a team, newest first. Password events say only that it changed. */
export function AuditHistory({
  audit,
  timeZone,
  headingId,
}: {
  audit: AuditEvents;
  timeZone: string;
  headingId: string;
}) {
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>History</h2>
      {audit.events.length === 0 ? (
        <p className="muted">No recorded changes yet.</p>
      ) : (
        <ol className={styles.history} data-testid="audit-history">
          {audit.events.map((event) => {
            const change = event.action.endsWith(".password-set")
              ? ""
              : summarizeChange(event.before, event.after);
            return (
              <li key={event.id}>
                <span>
                  <strong>{event.actor?.name ?? "Tandem"}</strong>{" "}
                  {ACTION_WORDS[event.action] ?? describeAction(event.action)}
                  <span className="muted"> · {formatDayTime(event.at, timeZone)}</span>
                </span>
                {change ? <span className={styles.historyChange}>{change}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
      {audit.total > audit.events.length ? (
        <p className="muted">
          The latest {audit.events.length} of {audit.total} events.
        </p>
      ) : null}
    </section>
  );
}
