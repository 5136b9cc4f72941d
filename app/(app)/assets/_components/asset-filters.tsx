import Link from "next/link";
import { SelectField } from "@/components/ui/select-field";
import type { AssetFilterOptions } from "@/lib/catalog/asset-queries";
import { DEFAULT_DIRECTION, DEFAULT_PAGE_SIZE, hasFilters, type AssetListParams } from "@/lib/catalog/asset-list-params";
import { CRITICALITY_LABEL, LIFECYCLE_LABEL } from "@/lib/catalog/format";
import { CRITICALITIES, LIFECYCLES } from "@/lib/catalog/constants";
import styles from "../assets.module.css";

/** A plain GET form: the filters land in the URL, so any view can be bookmarked or shared. */
export function AssetFilters({ params, options }: { params: AssetListParams; options: AssetFilterOptions }) {
  return (
    <form method="get" action="/assets" className="filters" role="search" aria-label="Filter assets">
      <label className={`field ${styles.searchField}`}>
        <span>Search</span>
        <input type="search" name="q" defaultValue={params.q} placeholder="Name, key or vendor" maxLength={100} />
      </label>
      <SelectField label="Kind" name="kind" value={params.kind} anyLabel="All kinds" options={options.kinds.map((kind) => ({ value: kind.key, label: kind.label }))} />
      <SelectField label="Criticality" name="criticality" value={params.criticality} anyLabel="Any" options={CRITICALITIES.map((value) => ({ value, label: CRITICALITY_LABEL[value] }))} />
      <SelectField label="Lifecycle" name="lifecycle" value={params.lifecycle} anyLabel="Any" options={LIFECYCLES.map((value) => ({ value, label: LIFECYCLE_LABEL[value] }))} />
      <SelectField label="Owning team" name="team" value={params.team} anyLabel="Any team" options={options.teams.map((team) => ({ value: team.id, label: team.name }))} />
      {params.sort !== "name" ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir !== DEFAULT_DIRECTION[params.sort] ? <input type="hidden" name="dir" value={params.dir} /> : null}
      {params.size !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="size" value={params.size} /> : null}
      <div className={styles.filterActions}>
        <button type="submit" className="button button-secondary">
          Apply
        </button>
        {hasFilters(params) ? (
          <Link href="/assets" className={`button button-quiet ${styles.linkButton}`}>
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
