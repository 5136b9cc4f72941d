import type { Metadata } from "next";
import Link from "next/link";
import { PeopleTable } from "@/components/people/people-table";
import { Pagination } from "@/components/ui/pagination";
import styles from "@/components/people/people.module.css";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { parsePeopleFilters, PEOPLE_PAGE_SIZE, peopleFilterParams } from "@/lib/people/filters";
import { loadOwnershipFigures } from "@/lib/people/figures";
import { listPeople } from "@/lib/people/queries";
import { readTimeZone } from "@/lib/settings/queries";
import { listTeamOptions, listTeamsOverview } from "@/lib/people/team-queries";
import { PeopleFiltersForm } from "./_components/people-filters";
import { TeamsOverview } from "./_components/teams-overview";

export const metadata: Metadata = { title: "People & teams" };

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, params] = await Promise.all([requireUser(), searchParams]);
  const filters = parsePeopleFilters(params);
  const [teams, teamOptions, { total, people }, figures, timeZone] = await Promise.all([
    listTeamsOverview(),
    listTeamOptions(),
    listPeople(filters),
    loadOwnershipFigures(),
    readTimeZone(),
  ]);
  const isAdmin = canEditCatalog(user);
  return (
    <>
      <header className="page-header page-header-row">
        <div>
          <h1>People & teams</h1>
          <p className="page-lede">
            Who is in which team, and how many cells each person is accountable for.
          </p>
        </div>
        {isAdmin ? (
          <div className="page-actions">
            <Link href="/people/new" className={`button button-primary ${styles.buttonLink}`}>
              New person
            </Link>
            <Link href="/teams/new" className={`button button-secondary ${styles.buttonLink}`}>
              New team
            </Link>
            <Link href="/people/invitations" className={`button button-secondary ${styles.buttonLink}`}>
              Invitations
            </Link>
          </div>
        ) : null}
      </header>
      <section className="panel" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <TeamsOverview teams={teams} coverageByTeam={figures.coverageByTeam} />
      </section>
      <section className="panel" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <PeopleFiltersForm filters={filters} teams={teamOptions} />
        {people.length === 0 ? (
          <p className={`muted ${styles.empty}`} data-testid="people-empty">
            {total === 0
              ? "No people match these filters."
              : "There is nobody on this page: go back to the first page."}
          </p>
        ) : (
          <PeopleTable people={people} loads={figures.loads} timeZone={timeZone} withTeam testId="people-table" />
        )}
        <Pagination
          basePath="/people"
          searchParams={peopleFilterParams(filters)}
          page={filters.page}
          pageSize={PEOPLE_PAGE_SIZE}
          total={total}
        />
      </section>
    </>
  );
}
