import { Pagination } from "@/components/ui/pagination";
import { formatDayTime } from "@/lib/catalog/format";
import { DELIVERY_LOG_PAGE_SIZE, type DeliveryLogEntry, type DeliveryLogStatus } from "@/lib/notifications/delivery-log";
import { KINDS } from "@/lib/notifications/kinds";
import styles from "../notifications.module.css";

const STATUS_LABEL: Record<DeliveryLogStatus, string> = { queued: "Queued", sending: "Sending", sent: "Sent", retrying: "Retrying", failed: "Failed" };

const kindLabel = (kind: string) => (kind in KINDS ? KINDS[kind as keyof typeof KINDS].label : "Test");

/** The outbox, newest first: what went out, what waits for its next try, what gave up and why. */
export function DeliveryLog({ entries, total, page, timeZone }: { entries: DeliveryLogEntry[]; total: number; page: number; timeZone: string }) {
  if (total === 0) return <p className="muted">Nothing sent yet. Send a test above to see it here.</p>;
  return (
    <>
      <div className="table-wrap">
        <table className={`data-table ${styles.log}`} data-testid="delivery-log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Message</th>
              <th scope="col">Channel</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Attempts
              </th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDayTime(entry.sentAt ?? entry.createdAt, timeZone)}</td>
                <td>
                  <span className={styles.kind}>
                    <span>{entry.title}</span>
                    <span className="muted small">{kindLabel(entry.kind)}</span>
                  </span>
                </td>
                <td>{entry.channel === "mail" ? "Mail" : "Chat"}</td>
                <td className={styles.detail}>{entry.target}</td>
                <td>
                  <span className={`status-chip ${styles[`status-${entry.status}`]}`}>{STATUS_LABEL[entry.status]}</span>
                </td>
                <td className="numeric">{entry.attempts}</td>
                <td className={styles.detail}>{entry.lastError ?? <span className="muted">None</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination basePath="/settings/notifications" searchParams={{}} page={page} pageSize={DELIVERY_LOG_PAGE_SIZE} total={total} fragment="log-heading" unit="deliveries" />
    </>
  );
}
