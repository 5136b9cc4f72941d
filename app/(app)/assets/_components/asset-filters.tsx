import Link from "next/link";
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
      <label className="field">
        <span>Kind</span>
        <select name="kind" defaultValue={params.kind ?? ""}>
          <option value="">All kinds</option>
          {options.kinds.map((kind) => (
            <option key={kind.key} value={kind.key}>
              {kind.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Criticality</span>
        <select name="criticality" defaultValue={params.criticality ?? ""}>
          <option value="">Any</option>
          {CRITICALITIES.map((value) => (
            <option key={value} value={value}>
              {CRITICALITY_LABEL[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Lifecycle</span>
        <select name="lifecycle" defaultValue={params.lifecycle ?? ""}>
          <option value="">Any</option>
          {LIFECYCLES.map((value) => (
            <option key={value} value={value}>
              {LIFECYCLE_LABEL[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Owning team</span>
        <select name="team" defaultValue={params.team === null ? "" : String(params.team)}>
          <option value="">Any team</option>
          {options.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
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
