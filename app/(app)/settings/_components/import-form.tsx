"use client";

import Link from "next/link";
import { useState } from "react";
import { fileNameOf, IMPORT_FILES, MAX_FILE_BYTES, type ImportFile } from "@/lib/import-export/formats";
import type { FileSummary, ImportPlan } from "@/lib/import-export/plan-types";
import type { ImportMode } from "@/lib/import-export/run-import";
import { sendImport } from "./send-import";
import { ImportPlanView } from "./import-plan";
import styles from "../import/import.module.css";

const LABEL: Record<ImportFile, string> = { people: "People", assets: "Assets", assignments: "Assignments" };

type Result = { plan: ImportPlan; applied: boolean; changed: boolean } | null;

/**
 * Preview, then confirm. Confirming is possible only for the files just previewed and only when they
 * have no errors; the server checks everything again and writes all of it or nothing.
 */
export function ImportForm() {
  const [files, setFiles] = useState<Partial<Record<ImportFile, File>>>({});
  const [result, setResult] = useState<Result>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<ImportMode | null>(null);
  // Changing the key empties the file inputs after an import.
  const [formKey, setFormKey] = useState(0);

  const chosen = IMPORT_FILES.filter((file) => files[file]);
  const tooLarge = chosen.filter((file) => (files[file]?.size ?? 0) > MAX_FILE_BYTES);
  const previewed = result !== null && !result.applied;
  const canConfirm = previewed && result.plan.errorCount === 0 && result.plan.changeCount > 0 && pending === null;

  function choose(file: ImportFile, value: File | undefined) {
    setFiles((current) => ({ ...current, [file]: value }));
    setResult(null);
    setError(null);
  }

  async function run(mode: ImportMode) {
    setPending(mode);
    setError(null);
    const response = await sendImport(files, mode);
    setPending(null);
    if (response.ok) {
      const { plan, applied, importId } = response.data;
      setResult({ plan, applied, changed: importId !== null });
      if (applied) {
        setFiles({});
        setFormKey((key) => key + 1);
      }
      return;
    }
    setError(response.error);
    const current = response.current as ImportPlan | undefined;
    setResult(current?.files ? { plan: current, applied: false, changed: false } : null);
  }

  return (
    <div className={styles.importForm}>
      <form
        key={formKey}
        className="form"
        aria-label="Import files"
        onSubmit={(event) => {
          event.preventDefault();
          void run("preview");
        }}
      >
        <div className={styles.fileGrid}>
          {IMPORT_FILES.map((file) => (
            <label key={file} className="field">
              <span>
                {LABEL[file]} <span className="muted">({fileNameOf(file)})</span>
              </span>
              <input
                type="file"
                name={file}
                accept=".csv,text/csv"
                onChange={(event) => choose(file, event.target.files?.[0])}
                data-testid={`import-file-${file}`}
              />
            </label>
          ))}
        </div>
        <div aria-live="polite">
          {tooLarge.length ? (
            <p className="field-error">
              {tooLarge.map(fileNameOf).join(", ")}: larger than {MAX_FILE_BYTES / (1024 * 1024)} MB, the limit per file.
            </p>
          ) : null}
          {error ? (
            <p className="notice notice-error" role="alert" data-testid="import-error">
              {error}
            </p>
          ) : null}
          {result?.applied ? (
            <div className="notice notice-success" data-testid="import-success">
              {result.changed ? (
                <>
                  <strong>Imported.</strong>
                  <ul className={styles.successList}>
                    {result.plan.files.map((file) => (
                      <li key={file.file}>{describeCounts(file)}</li>
                    ))}
                  </ul>
                  {result.plan.files.some((file) => file.file === fileNameOf("people")) ? (
                    <p>
                      People who sign in need a password or single sign-on: <Link href="/people/invitations">invite those who cannot sign in yet</Link>.
                    </p>
                  ) : null}
                </>
              ) : (
                "Nothing to change: the database already matches these files."
              )}
            </div>
          ) : null}
          {previewed && result.plan.errorCount === 0 && result.plan.changeCount === 0 ? (
            <p className="notice notice-success">Nothing to change: the database already matches these files.</p>
          ) : null}
          {previewed && result.plan.errorCount > 0 ? (
            <p className="notice notice-warning">Fix the errors below in your files, choose them again and preview once more.</p>
          ) : null}
        </div>
        <div className="page-actions">
          <button type="submit" className="button button-secondary" disabled={!chosen.length || tooLarge.length > 0 || pending !== null}>
            {pending === "preview" ? "Checking…" : "Preview"}
          </button>
          <button type="button" className="button button-primary" disabled={!canConfirm} onClick={() => void run("apply")}>
            {pending === "apply" ? "Importing…" : "Confirm import"}
          </button>
          {!previewed && !result?.applied ? <span className="muted">Preview the files to be able to confirm.</span> : null}
        </div>
      </form>
      {result ? <ImportPlanView plan={result.plan} applied={result.applied} /> : null}
    </div>
  );
}

function describeCounts(file: FileSummary): string {
  const parts = [`${file.created} created`, `${file.updated} updated`, `${file.unchanged} unchanged`];
  if (file.ended !== undefined) parts.push(`${file.ended} ended`);
  return `${file.file}: ${parts.join(", ")}`;
}
