import { HISTORY_LIMIT, type EndedAssignmentRow, type HistoryEntry } from "@/lib/catalog/asset-detail";
import { formatDay, formatDayTime } from "@/lib/catalog/format";
import styles from "../assets.module.css";

const ROLE_NAME = { A: "Accountable", R: "Responsible", C: "Consulted", I: "Informed" } as const;

/** What happened to the asset and its cells, newest first, and the assignments that ended: history is kept. */
export function AssetHistory({ history, endedAssignments, timeZone }: { history: HistoryEntry[]; endedAssignments: EndedAssignmentRow[]; timeZone: string }) {
  return (
    <>
      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {history.length === 0 ? (
          <p className="muted">Nothing has been recorded for this asset yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="asset-history">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">On</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {history.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDayTime(entry.at, timeZone)}</td>
                    <td>{entry.actorName ?? <span className="muted">System</span>}</td>
                    <td>{entry.action}</td>
                    <td>{entry.subject}</td>
                    <td>{entry.change || <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {history.length === HISTORY_LIMIT ? <p className="muted">Showing the latest {HISTORY_LIMIT} events.</p> : null}
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="ended-heading">
        <h2 id="ended-heading">Ended assignments</h2>
        {endedAssignments.length === 0 ? (
          <p className="muted">No assignment of this asset has ended.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="ended-assignments">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Role</th>
                  <th scope="col">Concern</th>
                  <th scope="col">Started</th>
                  <th scope="col">Ended</th>
                </tr>
              </thead>
              <tbody>
                {endedAssignments.map((row) => (
                  <tr key={row.id}>
                    <td>
                      {row.personName} {row.personLeft ? <span className={styles.left}>(left)</span> : null}
                    </td>
                    <td>{ROLE_NAME[row.role]}</td>
                    <td>{row.concernName}</td>
                    <td>{formatDay(row.startedAt, timeZone)}</td>
                    <td>{formatDay(row.endedAt, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
