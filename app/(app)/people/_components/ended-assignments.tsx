import type { Route } from "next";
import Link from "next/link";
import { HistoryList } from "@/components/history/history-list";
import { formatDay } from "@/lib/catalog/format";
import type { PersonDetail } from "@/lib/people/queries";

const SOURCE_WORD = { app: "in the app", review: "in a review", import: "by an import" } as const;

/** Roles the person no longer holds: history is never deleted, only ended. */
export function EndedAssignments({ detail, timeZone }: { detail: PersonDetail; timeZone: string }) {
  const { endedAssignments: rows, endedCount } = detail;
  return (
    <HistoryList
      title="Ended assignments"
      headingId="ended-heading"
      empty="No ended assignments."
      rows={rows}
      columns={[
        {
          header: "Asset",
          cell: (row) => <Link href={`/assets/${row.asset.key}` as Route}>{row.asset.name}</Link>,
        },
        { header: "Concern", cell: (row) => row.concern.name },
        { header: "Role", cell: (row) => row.role },
        {
          header: "Held",
          cell: (row) => `${formatDay(row.startedAt, timeZone)} – ${formatDay(row.endedAt, timeZone)}`,
        },
        {
          header: "Ended by",
          cell: (row) => (
            <>
              {row.endedBy?.name ?? "—"} <span className="muted">(started {SOURCE_WORD[row.source]})</span>
            </>
          ),
        },
      ]}
      footer={
        endedCount > rows.length ? (
          <p className="muted">
            The latest {rows.length} of {endedCount} ended assignments.
          </p>
        ) : null
      }
    />
  );
}
