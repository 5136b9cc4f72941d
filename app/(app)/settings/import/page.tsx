import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/ui/forbidden";
import { canImport } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { fileNameOf, IMPORT_FILES, MAX_DATA_ROWS, MAX_FILE_BYTES } from "@/lib/import-export/formats";
import { FileFormats } from "../_components/file-formats";
import { ImportForm } from "../_components/import-form";
import styles from "./import.module.css";

export const metadata: Metadata = { title: "Import and export" };

const EXPORT_DESCRIPTION = {
  people: "Everyone, with their team, role and whether they are active.",
  assets: "Every asset, whatever its lifecycle.",
  assignments: "Who holds which role on each cell today, with the last confirmation.",
} as const;

export default async function ImportPage() {
  const user = await requireUser();
  if (!canImport(user)) return <Forbidden what="Importing is for admins." />;
  return (
    <>
      <header className="page-header">
        <p className={styles.breadcrumb}>
          <Link href="/settings">Settings &amp; users</Link> /
        </p>
        <h1>Import and export</h1>
        <p className="page-lede">
          Bring people, assets and ownership in from spreadsheets, or take them out. Imports are all or nothing, and importing
          the same files twice changes nothing.
        </p>
      </header>

      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        <p className="muted">
          Choose one, two or all three files (CSV, UTF-8, at most {MAX_FILE_BYTES / (1024 * 1024)} MB and{" "}
          {MAX_DATA_ROWS.toLocaleString("en")} rows each). Preview first: nothing is written until you confirm.
        </p>
        <ImportForm />
      </section>

      <section className="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p className="muted">The same three files, as the database holds them now. They can be edited and imported again.</p>
        <ul className={styles.exportList}>
          {IMPORT_FILES.map((file) => (
            <li key={file}>
              <a className="button button-secondary" href={`/api/export/${fileNameOf(file)}`} download>
                Download {fileNameOf(file)}
              </a>
              <span className="muted">{EXPORT_DESCRIPTION[file]}</span>
            </li>
          ))}
        </ul>
      </section>

      <FileFormats />
    </>
  );
}
