import { COLUMNS, fileNameOf, IMPORT_FILES, type ImportFile } from "@/lib/import-export/formats";
import styles from "../import/import.module.css";

const RULES: Record<ImportFile, string[]> = {
  people: [
    "email identifies the person (any case; stored lower-case).",
    "team is created when missing, with the function given: marketing, it or other. Leave team and function empty for no team.",
    "role: admin, manager, viewer or none. Imported people have no password until an admin sets one.",
    "active: true or false. false deactivates the person, keeping their history.",
  ],
  assets: [
    "key identifies the asset: lower-case letters, digits and hyphens.",
    "kind: the key of an existing asset kind, such as website or crm.",
    "criticality: low, medium, high or critical. lifecycle: planned, active or retired.",
    "url and vendor may be empty.",
  ],
  assignments: [
    "One row per person and role (R, A, C or I) on an asset × concern cell.",
    "The file is the complete ownership of every cell it mentions: current owners of those cells it does not list are ended (kept in the history).",
    "Cells the file does not mention are left as they are.",
    "confirmed_at: empty, a date (2026-03-02) or an ISO timestamp; a newer one records a confirmation.",
  ],
};

/** The column reference, folded away until needed. */
export function FileFormats() {
  return (
    <section className="panel" aria-labelledby="formats-heading">
      <h2 id="formats-heading">File formats</h2>
      <p className="muted">
        A header row names the columns, in any order. Spreadsheets run a value that starts with = + - or @ as a formula, so the
        import refuses one unless a single quote comes before it (&apos;=…), which marks it as text; exports write them that way.
      </p>
      {IMPORT_FILES.map((file) => (
        <details key={file} className={styles.format}>
          <summary>{fileNameOf(file)}</summary>
          <code className={styles.columns}>{COLUMNS[file].join(",")}</code>
          <ul>
            {RULES[file].map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
