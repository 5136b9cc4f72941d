import type { Route } from "next";
import Link from "next/link";
import { GAP_LABEL } from "@/components/ui/gap-badge";
import { CRITICALITIES, CONCERN_HOMES } from "@/lib/catalog/constants";
import { CRITICALITY_LABEL, HOME_LABEL } from "@/lib/catalog/format";
import type { ReportCatalog } from "@/lib/report/build-report";
import type { ReportPageView } from "@/lib/report/report-params";
import { viewQuery } from "@/lib/report/report-params";
import { reportHref, SELECTION_KEYS } from "@/lib/report/selection";
import { GAP_TYPES } from "@/lib/rules";

/**
 * A plain GET form: the filters land in the URL (the page drops the empty fields), so a filtered view
 * can be shared as a link. The drill-down, sort and trend length ride along as hidden fields: filters
 * narrow everything, the drill-down included.
 */
export function ReportFilters({ view, catalog, today }: { view: ReportPageView; catalog: ReportCatalog; today: string }) {
  const { filters } = view;
  const hasFilters = Object.values(filters).some((value) => value !== undefined);
  const kept: [string, string][] = [
    ...SELECTION_KEYS.flatMap((key): [string, string][] => (view.selection[key] === undefined ? [] : [[key, String(view.selection[key])]])),
    ...(view.sort ? [["sort", view.sort] as [string, string]] : []),
    ...(view.trendWeeks !== 12 ? [["weeks", String(view.trendWeeks)] as [string, string]] : []),
  ];
  return (
    <form method="get" action="/report" className="filters report-filters" role="search" aria-label="Filter the report" data-testid="report-filters">
      <label className="field">
        <span>Team (holds A or R)</span>
        <select name="team" defaultValue={filters.team === undefined ? "" : String(filters.team)}>
          <option value="">All teams</option>
          {catalog.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Function</span>
        <select name="function" defaultValue={filters.function ?? ""}>
          <option value="">All concerns</option>
          {CONCERN_HOMES.map((home) => (
            <option key={home} value={home}>
              {HOME_LABEL[home]} concerns
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Asset kind</span>
        <select name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">All kinds</option>
          {catalog.kinds.map((kind) => (
            <option key={kind.key} value={kind.key}>
              {kind.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Concern</span>
        <select name="concern" defaultValue={filters.concern ?? ""}>
          <option value="">All concerns</option>
          {catalog.concerns.map((concern) => (
            <option key={concern.key} value={concern.key}>
              {concern.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Criticality</span>
        <select name="criticality" defaultValue={filters.criticality ?? ""}>
          <option value="">Any</option>
          {[...CRITICALITIES].reverse().map((value) => (
            <option key={value} value={value}>
              {CRITICALITY_LABEL[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Gap type</span>
        <select name="gap" defaultValue={filters.gap ?? ""}>
          <option value="">Any gap</option>
          {GAP_TYPES.map((type) => (
            <option key={type} value={type}>
              {GAP_LABEL[type]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>As of</span>
        <input type="date" name="asOf" defaultValue={filters.asOf ?? ""} max={today} />
      </label>
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="report-filter-actions">
        <button type="submit" className="button button-secondary">
          Apply
        </button>
        {hasFilters ? (
          <Link href={reportHref(viewQuery(view, { filters: {}, page: undefined })) as Route} className="button button-quiet">
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
