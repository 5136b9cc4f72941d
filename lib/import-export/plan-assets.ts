import { fileNameOf, type ImportIssue } from "./formats";
import type { DatabaseState, ExistingAsset } from "./load-state";
import type { ParsedFile } from "./parse-files";
import type { PlanContext } from "./plan-people";
import type { AssetSnapshot, FileSummary, PlannedWrites } from "./plan-types";
import type { AssetRow } from "./row-schemas";

/** Compares assets.csv with the database. The description is not in the file and is left as it is. */
export function planAssets(file: ParsedFile<AssetRow>, state: DatabaseState, context: PlanContext, writes: PlannedWrites): FileSummary {
  const errors: ImportIssue[] = [...file.issues];
  const kindList = [...state.kinds].sort().join(", ");
  const summary = { created: 0, updated: 0, unchanged: 0 };

  for (const { line, row } of file.rows) {
    if (!state.kinds.has(row.kind)) {
      errors.push({ file: fileNameOf("assets"), line, column: "kind", message: `no asset kind ${row.kind}; the kinds are ${kindList}` });
      continue;
    }
    const asset = state.assets.get(row.key);
    const after = desired(row, asset ?? null, context.now);
    if (!asset) {
      writes.assetsCreated.push(after);
      summary.created += 1;
      continue;
    }
    const before = snapshotOf(asset);
    if (sameAsset(before, after)) summary.unchanged += 1;
    else {
      writes.assetsUpdated.push({ id: asset.id, before, after });
      summary.updated += 1;
    }
  }
  return { file: fileNameOf("assets"), uploadedName: file.uploadedName, rows: file.rowCount, ...summary, errors };
}

function desired(row: AssetRow, existing: ExistingAsset | null, now: Date): AssetSnapshot {
  const wasRetired = existing?.lifecycle === "retired";
  return {
    ...row,
    // Retiring keeps the date the asset already left scope on; any other lifecycle clears it.
    retiredAt: row.lifecycle === "retired" ? ((wasRetired ? existing.retiredAt : null) ?? now) : null,
  };
}

function snapshotOf({ id: _id, ...asset }: ExistingAsset): AssetSnapshot {
  return asset;
}

function sameAsset(a: AssetSnapshot, b: AssetSnapshot): boolean {
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    a.criticality === b.criticality &&
    a.lifecycle === b.lifecycle &&
    a.url === b.url &&
    a.vendor === b.vendor
  );
}
