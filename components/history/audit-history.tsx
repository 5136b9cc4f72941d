import { describeActor } from "@/lib/audit/actor";
import { describeAction, summarizeChange } from "@/lib/catalog/audit-summary";
import { formatDayTime } from "@/lib/catalog/format";
import type { AuditEvents } from "@/lib/people/queries";
import { HistoryList } from "./history-list";

const ACTION_WORDS: Record<string, string> = {
  "person.created": "added this person",
  "person.updated": "edited the details",
  "person.deactivated": "marked this person as left",
  "person.reactivated": "reactivated this person",
  "person.cells-handed-over": "handed their cells over",
  "person.password-set": "set a new password",
  "team.created": "created the team",
  "team.updated": "edited the team",
  // SCIM provisioning (lib/scim) keeps the identity provider's own id of a person or a group.
  "person.external-id-set": "set the identity provider's id",
  "team.external-id-set": "set the identity provider's group id",
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
    <HistoryList
      title="History"
      headingId={headingId}
      testId="audit-history"
      empty="No recorded changes yet."
      rows={audit.events}
      columns={[
        { header: "When", cell: (event) => formatDayTime(event.at, timeZone) },
        { header: "Who", cell: (event) => describeActor(event) ?? "Tandem" },
        { header: "What", cell: (event) => ACTION_WORDS[event.action] ?? describeAction(event.action) },
        {
          header: "Change",
          cell: (event) => {
            const change = event.action.endsWith(".password-set")
              ? ""
              : summarizeChange(event.before, event.after);
            return change || <span className="muted">—</span>;
          },
        },
      ]}
      footer={
        audit.total > audit.events.length ? (
          <p className="muted">
            The latest {audit.events.length} of {audit.total} events.
          </p>
        ) : null
      }
    />
  );
}
