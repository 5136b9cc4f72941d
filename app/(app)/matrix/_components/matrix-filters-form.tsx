import { SelectField } from "@/components/ui/select-field";
import { CONCERN_HOMES, CRITICALITIES } from "@/lib/catalog/constants";
import { CRITICALITY_LABEL, HOME_LABEL } from "@/lib/catalog/format";
import type { MatrixFilters } from "@/lib/ownership/matrix-filters";

/** A plain GET form: the filters live in the URL, so a filtered matrix can be shared as a link. */
export function MatrixFiltersForm({
  filters,
  kinds,
  teams,
}: {
  filters: MatrixFilters;
  kinds: { key: string; label: string }[];
  teams: { id: number; name: string; function: string }[];
}) {
  return (
    <form className="filters panel" method="get" action="/matrix" aria-label="Filter the matrix">
      <label className="field">
        <span>Search assets</span>
        <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="Name or key" maxLength={100} />
      </label>
      <SelectField label="Kind" name="kind" value={filters.kind} anyLabel="All kinds" options={kinds.map((kind) => ({ value: kind.key, label: kind.label }))} />
      <SelectField
        label="Team (holds A or R)"
        name="team"
        value={filters.team}
        anyLabel="All teams"
        options={teams.map((team) => ({ value: team.id, label: `${team.name} (${team.function === "it" ? "IT" : team.function})` }))}
      />
      <SelectField label="Criticality" name="criticality" value={filters.criticality} anyLabel="Any" options={[...CRITICALITIES].reverse().map((value) => ({ value, label: CRITICALITY_LABEL[value] }))} />
      <SelectField label="Concern home" name="home" value={filters.home} anyLabel="All concerns" options={CONCERN_HOMES.map((home) => ({ value: home, label: HOME_LABEL[home] }))} />
      <SelectField
        label="Show assets with"
        name="state"
        value={filters.state}
        anyLabel="Any cells"
        options={[
          { value: "gaps", label: "Gaps" },
          { value: "covered", label: "Covered cells" },
        ]}
      />
      <button type="submit" className="button button-secondary">Apply</button>
      <a href="/matrix" className="button button-quiet">Reset</a>
    </form>
  );
}
