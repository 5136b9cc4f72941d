import Link from "next/link";
import styles from "@/components/people/people.module.css";
import { isFiltered, type PeopleFilters } from "@/lib/people/filters";
import type { TeamOption } from "@/lib/people/team-queries";

/** A plain GET form: the filters live in the URL and work without JavaScript. */
export function PeopleFiltersForm({ filters, teams }: { filters: PeopleFilters; teams: TeamOption[] }) {
  return (
    <form
      method="get"
      action="/people"
      className={`filters ${styles.filters}`}
      role="search"
      aria-label="Filter people"
    >
      <div className="field">
        <label htmlFor="filter-q">Name or email</label>
        <input
          id="filter-q"
          type="search"
          name="q"
          defaultValue={filters.q}
          placeholder="e.g. felix or @example.org"
          maxLength={200}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-team">Team</label>
        <select id="filter-team" name="team" defaultValue={filters.team === null ? "" : String(filters.team)}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
          <option value="none">No team</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-role">Role</label>
        <select id="filter-role" name="role" defaultValue={filters.role ?? ""}>
          <option value="">All roles</option>
          <option value="admin">Admin</option>
          <option value="manager">Manager</option>
          <option value="viewer">Viewer</option>
          <option value="none">None</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Active and left</option>
          <option value="active">Active</option>
          <option value="left">Left</option>
        </select>
      </div>
      <div className={styles.filterActions}>
        <button type="submit" className="button button-secondary">
          Apply
        </button>
        {isFiltered(filters) ? <Link href="/people">Clear filters</Link> : null}
      </div>
    </form>
  );
}
