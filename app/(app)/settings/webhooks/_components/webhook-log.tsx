import { formatDayTime } from "@/lib/catalog/format";
import type { DeliveryLogStatus } from "@/lib/notifications/delivery-log";
import type { WebhookDeliveryEntry } from "@/lib/webhooks/queries";
import styles from "../webhooks.module.css";

const STATUS_LABEL: Record<DeliveryLogStatus, string> = { queued: "Queued", sending: "Sending", sent: "Sent", retrying: "Retrying", failed: "Failed" };

/** The webhooks' deliveries, newest first: what went out, what waits for its next try, what gave up and why. */
export function WebhookLog({ entries, endpointUrls, timeZone }: { entries: WebhookDeliveryEntry[]; endpointUrls: Record<number, string>; timeZone: string }) {
  if (entries.length === 0) return <p className="muted">Nothing sent yet. Send a test event to an endpoint to see it here.</p>;
  return (
    <div className="table-wrap">
      <table className={`data-table ${styles.log}`} data-testid="webhook-log">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Endpoint</th>
            <th scope="col">Status</th>
            <th scope="col" className="numeric">
              Attempts
            </th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDayTime(entry.sentAt ?? entry.createdAt, timeZone)}</td>
              <td>
                <code>{entry.type}</code>
                <br />
                <span className="muted small">{entry.messageId}</span>
              </td>
              <td className={styles.detail}>{endpointUrls[entry.endpointId] ?? "A deleted endpoint"}</td>
              <td>
                <span className={`status-chip ${styles[`status-${entry.status}`]}`}>{STATUS_LABEL[entry.status]}</span>
              </td>
              <td className="numeric">{entry.attempts}</td>
              <td className={styles.detail}>{entry.lastError ?? (entry.status === "sent" ? "2xx" : <span className="muted">None yet</span>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
