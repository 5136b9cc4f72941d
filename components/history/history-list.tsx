import type { ReactNode } from "react";

interface HistoryColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  className?: string;
}

/**
 * A panel of what happened, newest first, one row a record: changes, ended assignments, past reviews. Its
 * rows are never edited here; history is kept, never deleted.
 */
export function HistoryList<Row extends { id: number | string }>({
  title,
  headingId,
  testId,
  empty,
  columns,
  rows,
  children,
  footer,
}: {
  title: string;
  headingId: string;
  testId?: string;
  /** Said instead of the table when there is no row. */
  empty: string;
  columns: HistoryColumn<Row>[];
  rows: Row[];
  /** Above the table: what narrows it down. */
  children?: ReactNode;
  /** Below the table: how much of the history it shows. */
  footer?: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid={testId}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th scope="col" key={column.header}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  {columns.map((column) => (
                    <td key={column.header} className={column.className}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {footer}
    </section>
  );
}
