import type { ImportPlan } from "@/lib/import-export/plan-types";
import styles from "../import/import.module.css";

/** What an import will do (or did), per file, and every error with where to find it. */
export function ImportPlanView({ plan, applied }: { plan: ImportPlan; applied: boolean }) {
  const errors = plan.files.flatMap((file) => file.errors);
  const notShown = plan.files.reduce((sum, file) => sum + (file.errorsNotShown ?? 0), 0);
  const hasEnded = plan.files.some((file) => file.ended !== undefined);
  return (
    <div className={styles.plan}>
      <div className="table-wrap">
        <table className="data-table" data-testid="import-summary">
          <caption className={styles.caption}>{applied ? "What the import did" : "What the import will do"}</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="numeric">Rows</th>
              <th scope="col" className="numeric">{applied ? "Created" : "To create"}</th>
              <th scope="col" className="numeric">{applied ? "Updated" : "To update"}</th>
              <th scope="col" className="numeric">Unchanged</th>
              {hasEnded ? <th scope="col" className="numeric">{applied ? "Ended" : "To end"}</th> : null}
              <th scope="col" className="numeric">Errors</th>
            </tr>
          </thead>
          <tbody>
            {plan.files.map((file) => (
              <tr key={file.file} data-testid={`import-summary-${file.file}`}>
                <th scope="row" className={styles.rowHeader}>
                  {file.file}
                  {file.uploadedName !== file.file ? <span className={styles.uploadedName}>{file.uploadedName}</span> : null}
                </th>
                <td className="numeric">{file.rows}</td>
                <td className="numeric">{file.created}</td>
                <td className="numeric">{file.updated}</td>
                <td className="numeric">{file.unchanged}</td>
                {hasEnded ? <td className="numeric">{file.ended ?? "–"}</td> : null}
                <td className={`numeric ${file.errors.length ? styles.errorCount : ""}`}>{file.errors.length + (file.errorsNotShown ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.teamsCreated.length ? (
        <p className="muted" data-testid="import-teams">
          {applied ? "Teams created" : "Teams to create"}: {plan.teamsCreated.join(", ")}
        </p>
      ) : null}
      {errors.length ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="import-errors">
            <caption className={styles.caption}>
              {plan.errorCount === 1 ? "1 error to fix" : `${plan.errorCount} errors to fix`}
              {notShown ? ` (the first ${errors.length} are shown)` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="numeric">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((error, index) => (
                <tr key={index}>
                  <td>{error.file}</td>
                  <td className="numeric">{error.line ?? "–"}</td>
                  <td>{error.column ? <code>{error.column}</code> : "–"}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
