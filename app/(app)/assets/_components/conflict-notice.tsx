"use client";

import type { AssetFormValues } from "@/lib/catalog/asset-queries";
import { CRITICALITY_LABEL, LIFECYCLE_LABEL } from "@/lib/catalog/format";
import styles from "../assets.module.css";

/** The values someone else saved while this form was open, so the user can choose knowingly. */
export function ConflictNotice({
  current,
  kinds,
  onUseTheirs,
}: {
  current: AssetFormValues;
  kinds: { key: string; label: string }[];
  onUseTheirs: () => void;
}) {
  const kindLabel = kinds.find((kind) => kind.key === current.kindKey)?.label ?? current.kindKey;
  const rows: [string, string][] = [
    ["Name", current.name],
    ["Kind", kindLabel],
    ["Criticality", CRITICALITY_LABEL[current.criticality]],
    ["Lifecycle", LIFECYCLE_LABEL[current.lifecycle]],
    ["Vendor", current.vendor || "—"],
    ["Web address", current.url || "—"],
    ["Description", current.description || "—"],
  ];
  return (
    <section className="notice notice-warning" data-testid="conflict-notice" aria-labelledby="conflict-heading">
      <strong id="conflict-heading">The asset now has these values:</strong>
      <dl className={styles.currentValues}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        Your values are still in the form. Save again to replace theirs, or{" "}
        <button type="button" className="button button-quiet" onClick={onUseTheirs}>
          use their values
        </button>
      </p>
    </section>
  );
}
