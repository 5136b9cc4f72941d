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
      <label className="field">
        <span>Kind</span>
        <select name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">All kinds</option>
          {kinds.map((kind) => (
            <option key={kind.key} value={kind.key}>{kind.label}</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Team (holds A or R)</span>
        <select name="team" defaultValue={filters.team ? String(filters.team) : ""}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>{team.name} ({team.function === "it" ? "IT" : team.function})</option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Criticality</span>
        <select name="criticality" defaultValue={filters.criticality ?? ""}>
          <option value="">Any</option>
          <option value="critical">Critical</option>
          <option value="high">High</option>
          <option value="medium">Medium</option>
          <option value="low">Low</option>
        </select>
      </label>
      <label className="field">
        <span>Concern home</span>
        <select name="home" defaultValue={filters.home ?? ""}>
          <option value="">All concerns</option>
          <option value="marketing">Marketing</option>
          <option value="it">IT</option>
          <option value="shared">Shared</option>
        </select>
      </label>
      <label className="field">
        <span>Show assets with</span>
        <select name="state" defaultValue={filters.state ?? ""}>
          <option value="">Any cells</option>
          <option value="gaps">Gaps</option>
          <option value="covered">Covered cells</option>
        </select>
      </label>
      <button type="submit" className="button button-secondary">Apply</button>
      <a href="/matrix" className="button button-quiet">Reset</a>
    </form>
  );
}
