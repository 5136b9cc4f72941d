"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";
import type { ConcernRecord } from "@/lib/catalog/concern-actions";
import type { CatalogConcern, CatalogKind } from "@/lib/catalog/concern-queries";
import { HOME_LABEL } from "@/lib/catalog/format";
import styles from "../catalog.module.css";

/**
 * Concern x kind grid. For admins each tick saves at once (the concern's whole list of kinds, with the
 * version it was loaded at), then the page reloads its figures: the cells in scope follow. "Every kind"
 * makes a concern apply to all kinds, those added later included.
 */
export function ApplicabilityGrid({ concerns, kinds, canEdit }: { concerns: CatalogConcern[]; kinds: CatalogKind[]; canEdit: boolean }) {
  return (
    <div className="table-wrap">
      <table className={styles.grid} data-testid="applicability-grid">
        <thead>
          <tr>
            <th scope="col" className={styles.concernHead}>
              Concern
            </th>
            {kinds.map((kind) => (
              <th scope="col" key={kind.key} className={styles.kindHead} title={`${kind.label}: ${kind.assetsInScope} assets in scope`}>
                <span>{kind.label}</span>
              </th>
            ))}
            <th scope="col" className={styles.kindHead} title="Applies to every kind, also kinds added later">
              <span>Every kind</span>
            </th>
            <th scope="col" className={styles.count}>
              Cells in scope
            </th>
          </tr>
        </thead>
        <tbody>
          {concerns.map((concern) => (
            // Remounts when the server's version changes, so a refresh replaces any local state.
            <ApplicabilityRow key={`${concern.key}@${concern.updatedAt}`} concern={concern} kinds={kinds} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApplicabilityRow({ concern, kinds, canEdit }: { concern: CatalogConcern; kinds: CatalogKind[]; canEdit: boolean }) {
  const router = useRouter();
  const [kindKeys, setKindKeys] = useState(concern.kindKeys);
  const [everyKind, setEveryKind] = useState(concern.appliesToEveryKind);
  const [version, setVersion] = useState(concern.updatedAt);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(change: { kindKeys: string[] } | { appliesToEveryKind: boolean }) {
    setPending(true);
    setError(null);
    const result = await postJson<ConcernRecord>(`/api/concerns/${encodeURIComponent(concern.key)}`, { ...change, updatedAt: version }, "PATCH");
    setPending(false);
    if (result.ok) {
      setVersion(result.data.updatedAt);
      setEveryKind(result.data.appliesToEveryKind);
    } else {
      setError(result.error);
    }
    setKindKeys(result.ok ? result.data.kindKeys : kindKeys);
    router.refresh();
  }

  function toggle(kindKey: string, checked: boolean) {
    const next = checked ? [...kindKeys, kindKey].sort() : kindKeys.filter((key) => key !== kindKey);
    setKindKeys(next);
    void save({ kindKeys: next });
  }

  const { inScope, covered } = concern.coverage;
  return (
    <tr data-testid={`concern-row-${concern.key}`} className={pending ? styles.pending : undefined} aria-busy={pending || undefined}>
      <th scope="row" className={styles.concernHead}>
        <span className={styles.concernName}>{concern.name}</span>
        <span className={`${styles.home} ${styles[`home-${concern.home}`]}`}>{HOME_LABEL[concern.home]}</span>
        <br />
        <span className={styles.key}>{concern.key}</span>
        <div aria-live="polite" className={styles.rowError}>
          {error}
        </div>
      </th>
      {kinds.map((kind) => (
        <td key={kind.key} className={styles.check}>
          <input
            type="checkbox"
            checked={everyKind || kindKeys.includes(kind.key)}
            disabled={!canEdit || pending || everyKind}
            onChange={(event) => toggle(kind.key, event.target.checked)}
            aria-label={`${concern.name} applies to ${kind.label}`}
          />
        </td>
      ))}
      <td className={styles.check}>
        <input
          type="checkbox"
          checked={everyKind}
          disabled={!canEdit || pending}
          onChange={(event) => void save({ appliesToEveryKind: event.target.checked })}
          aria-label={`${concern.name} applies to every kind, also kinds added later`}
        />
      </td>
      <td className={styles.count} data-testid={`cells-${concern.key}`}>
        <strong>{inScope}</strong>
        {inScope > 0 ? <span className="muted"> ({covered} covered)</span> : null}
      </td>
    </tr>
  );
}
