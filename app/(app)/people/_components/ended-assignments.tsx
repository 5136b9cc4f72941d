import type { Route } from "next";
import Link from "next/link";
import { formatDay } from "@/lib/catalog/format";
import type { PersonDetail } from "@/lib/people/queries";

const SOURCE_WORD = { app: "in the app", review: "in a review", import: "by an import" } as const;

/** Roles the person no longer holds: history is never deleted, only ended. */
export function EndedAssignments({ detail, timeZone }: { detail: PersonDetail; timeZone: string }) {
  const { endedAssignments: rows, endedCount } = detail;
  return (
    <section className="panel" aria-labelledby="ended-heading">
      <h2 id="ended-heading">Ended assignments</h2>
      {rows.length === 0 ? (
        <p className="muted">No ended assignments.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Asset</th>
                <th scope="col">Concern</th>
                <th scope="col">Role</th>
                <th scope="col">Held</th>
                <th scope="col">Ended by</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`/assets/${row.asset.key}` as Route}>{row.asset.name}</Link>
                  </td>
                  <td>{row.concern.name}</td>
                  <td>{row.role}</td>
                  <td>
                    {formatDay(row.startedAt, timeZone)} – {formatDay(row.endedAt, timeZone)}
                  </td>
                  <td>
                    {row.endedBy?.name ?? "—"}{" "}
                    <span className="muted">(started {SOURCE_WORD[row.source]})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {endedCount > rows.length ? (
        <p className="muted">
          The latest {rows.length} of {endedCount} ended assignments.
        </p>
      ) : null}
    </section>
  );
}
