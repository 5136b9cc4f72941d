import { describeActor } from "@/lib/audit/actor";
import type { CellDetail } from "@/lib/ownership/cell-detail";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function describe(action: string, before: unknown, after: unknown): string {
  const subject = (value: unknown) => {
    const v = value as { name?: string; role?: string } | null;
    return v?.name ? `${v.name} as ${v.role}` : "";
  };
  if (action === "assignment.added") return `added ${subject(after)}`;
  if (action === "assignment.ended") return `removed ${subject(before)}`;
  return action;
}

export function CellHistory({ history, ended }: { history: CellDetail["history"]; ended: CellDetail["ended"] }) {
  return (
    <section aria-labelledby="cell-history-heading" className="cell-history">
      <h3 id="cell-history-heading">History</h3>
      {history.length === 0 && ended.length === 0 ? <p className="muted">No changes recorded yet.</p> : null}
      {history.length > 0 ? (
        <ol className="history-list" data-testid="cell-history">
          {history.map((event) => (
            <li key={event.id}>
              <time dateTime={event.at.toISOString()}>{dateTime.format(event.at)}</time> {describeActor(event) ?? "System"}{" "}
              {describe(event.action, event.before, event.after)}
            </li>
          ))}
        </ol>
      ) : null}
      {ended.length > 0 ? (
        <>
          <h4>Former holders</h4>
          <ul className="history-list">
            {ended.map((assignment) => (
              <li key={assignment.id}>
                {assignment.person.name} ({assignment.role}) {date.format(assignment.startedAt)} – {date.format(assignment.endedAt!)}
                {assignment.source === "review" ? " · changed in a review" : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
