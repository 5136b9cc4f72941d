import { HistoryList } from "@/components/history/history-list";
import { HISTORY_LIMIT, type EndedAssignmentRow, type HistoryEntry } from "@/lib/catalog/asset-detail";
import { formatDay, formatDayTime } from "@/lib/catalog/format";
import styles from "../assets.module.css";

const ROLE_NAME = { A: "Accountable", R: "Responsible", C: "Consulted", I: "Informed" } as const;

/** What happened to the asset and its cells, newest first, and the assignments that ended: history is kept. */
export function AssetHistory({ history, endedAssignments, timeZone }: { history: HistoryEntry[]; endedAssignments: EndedAssignmentRow[]; timeZone: string }) {
  return (
    <>
      <HistoryList
        title="History"
        headingId="history-heading"
        testId="asset-history"
        empty="Nothing has been recorded for this asset yet."
        rows={history}
        columns={[
          { header: "When", cell: (entry) => formatDayTime(entry.at, timeZone) },
          { header: "Who", cell: (entry) => entry.actorName ?? <span className="muted">System</span> },
          { header: "What", cell: (entry) => entry.action },
          { header: "On", cell: (entry) => entry.subject },
          { header: "Change", cell: (entry) => entry.change || <span className="muted">—</span> },
        ]}
        footer={history.length === HISTORY_LIMIT ? <p className="muted">Showing the latest {HISTORY_LIMIT} events.</p> : null}
      />
      <HistoryList
        title="Ended assignments"
        headingId="ended-heading"
        testId="ended-assignments"
        empty="No assignment of this asset has ended."
        rows={endedAssignments}
        columns={[
          {
            header: "Person",
            cell: (row) => (
              <>
                {row.personName} {row.personLeft ? <span className={styles.left}>(left)</span> : null}
              </>
            ),
          },
          { header: "Role", cell: (row) => ROLE_NAME[row.role] },
          { header: "Concern", cell: (row) => row.concernName },
          { header: "Started", cell: (row) => formatDay(row.startedAt, timeZone) },
          { header: "Ended", cell: (row) => formatDay(row.endedAt, timeZone) },
        ]}
      />
    </>
  );
}
