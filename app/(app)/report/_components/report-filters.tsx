import type { Route } from "next";
import Link from "next/link";
import { GAP_LABEL } from "@/lib/rules/gap-labels";
import { SelectField } from "@/components/ui/select-field";
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
      <SelectField label="Team (holds A or R)" name="team" value={filters.team} anyLabel="All teams" options={catalog.teams.map((team) => ({ value: team.id, label: team.name }))} />
      <SelectField label="Function" name="function" value={filters.function} anyLabel="All concerns" options={CONCERN_HOMES.map((home) => ({ value: home, label: `${HOME_LABEL[home]} concerns` }))} />
      <SelectField label="Asset kind" name="kind" value={filters.kind} anyLabel="All kinds" options={catalog.kinds.map((kind) => ({ value: kind.key, label: kind.label }))} />
      <SelectField label="Concern" name="concern" value={filters.concern} anyLabel="All concerns" options={catalog.concerns.map((concern) => ({ value: concern.key, label: concern.name }))} />
      <SelectField
        label="Criticality"
        name="criticality"
        value={filters.criticality}
        anyLabel="Any"
        options={[...CRITICALITIES].reverse().map((value) => ({ value, label: CRITICALITY_LABEL[value] }))}
      />
      <SelectField label="Gap type" name="gap" value={filters.gap} anyLabel="Any gap" options={GAP_TYPES.map((type) => ({ value: type, label: GAP_LABEL[type] }))} />
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
