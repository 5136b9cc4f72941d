import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPercent } from "@/components/ui/coverage-bar";
import { AuditHistory } from "@/components/history/audit-history";
import { CoverageMeter, FunctionBadge } from "@/components/people/markers";
import { PeopleCrumbs } from "@/components/people/people-crumbs";
import styles from "@/components/people/people.module.css";
import { parsePage } from "@/lib/validation/page-number";
import { canEditCatalog } from "@/lib/auth/policy";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { listTeamCells, loadOwnershipFigures, sortCellsForList } from "@/lib/people/figures";
import { getCellLabels, getEntityName, listAuditEvents } from "@/lib/people/queries";
import { readTimeZone } from "@/lib/settings/queries";
import { parseId } from "@/lib/people/schemas";
import { getPeopleNames, getTeamDetail } from "@/lib/people/team-queries";
import { TEAM_CELLS_PAGE_SIZE, TeamCells } from "../_components/team-cells";
import { TeamMembers } from "../_components/team-members";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [user, { id }] = await Promise.all([getCurrentUser(), params]);
  return { title: (user && (await getEntityName("team", parseId(id)))) || "Team" };
}

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [user, { id: rawId }, query] = await Promise.all([requireUser(), params, searchParams]);
  const id = parseId(rawId);
  if (id === null) notFound();
  const [team, figures, timeZone, audit] = await Promise.all([
    getTeamDetail(id),
    loadOwnershipFigures(),
    readTimeZone(),
    listAuditEvents("team", String(id)),
  ]);
  if (!team) notFound();
  const teamCells = listTeamCells(figures.snapshot, team.id);
  const page = parsePage(query.page);
  const labels = await getCellLabels(teamCells.map((cell) => cell.assetId));
  const cells = sortCellsForList(teamCells, labels);
  const shown = cells.slice((page - 1) * TEAM_CELLS_PAGE_SIZE, page * TEAM_CELLS_PAGE_SIZE);
  const names = await getPeopleNames(shown.flatMap((cell) => cell.holders.map((holder) => holder.personId)));
  const coverage = figures.coverageByTeam[team.id] ?? { inScope: 0, covered: 0, percent: null };
  const active = team.members.filter((member) => !member.deactivatedAt).length;
  const withGaps = cells.filter((cell) => cell.inScope && cell.gaps.length > 0).length;

  return (
    <>
      <header className="page-header page-header-row">
        <div>
          <PeopleCrumbs />
          <h1 className={styles.title}>
            {team.name} <FunctionBadge fn={team.function} />
          </h1>
          <p className="page-lede">
            {active} active {active === 1 ? "member" : "members"} · coverage {formatPercent(coverage.percent)}
          </p>
        </div>
        {canEditCatalog(user) ? (
          <div className="page-actions" data-testid="admin-actions">
            <Link
              href={`/teams/${team.id}/edit` as Route}
              className={`button button-secondary ${styles.buttonLink}`}
            >
              Edit team
            </Link>
          </div>
        ) : null}
      </header>
      <section className="panel" aria-labelledby="coverage-heading" data-testid="team-coverage">
        <h2 id="coverage-heading">Coverage</h2>
        <p className="headline-figure">
          <span className="headline-value">{formatPercent(coverage.percent)}</span>
          <span className="muted">
            {coverage.covered} of {coverage.inScope} cells in scope where a member holds A or R are covered;{" "}
            {withGaps} have a gap (uncovered, stale or flagged)
          </span>
        </p>
        <CoverageMeter fn={team.function} percent={coverage.percent} />
      </section>
      <TeamMembers members={team.members} loads={figures.loads} timeZone={timeZone} />
      <TeamCells
        teamId={team.id}
        cells={shown}
        total={cells.length}
        page={page}
        labels={labels}
        names={names}
        memberIds={new Set(team.members.map((member) => member.id))}
      />
      <AuditHistory audit={audit} timeZone={timeZone} headingId="team-history-heading" />
    </>
  );
}
