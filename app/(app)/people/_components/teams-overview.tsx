import type { Route } from "next";
import Link from "next/link";
import { formatPercent } from "@/components/ui/coverage-bar";
import { CoverageMeter, FunctionBadge } from "@/components/people/markers";
import styles from "@/components/people/people.module.css";
import type { TeamOverview } from "@/lib/people/team-queries";
import type { CoverageFigure } from "@/lib/rules";

/** One card per team: its function, its people and the coverage of the cells its members hold. */
export function TeamsOverview({
  teams,
  coverageByTeam,
}: {
  teams: TeamOverview[];
  coverageByTeam: Record<number, CoverageFigure>;
}) {
  if (teams.length === 0) return <p className="muted">No teams yet.</p>;
  return (
    <ul className={styles.teamGrid} data-testid="teams-overview">
      {teams.map((team) => {
        const coverage = coverageByTeam[team.id];
        return (
          <li key={team.id} className={`${styles.teamCard} ${styles[team.function]}`} data-testid="team-card">
            <Link href={`/teams/${team.id}` as Route} className={styles.teamName}>
              {team.name}
            </Link>
            <div className={styles.teamMeta}>
              <FunctionBadge fn={team.function} />
              <span>
                {team.activeMembers} {team.activeMembers === 1 ? "member" : "members"}
                {team.departedMembers > 0 ? `, ${team.departedMembers} left` : ""}
              </span>
            </div>
            <div className={styles.teamCoverage}>
              <span>Coverage</span>
              {coverage && coverage.inScope > 0 ? (
                <span>
                  <strong>{formatPercent(coverage.percent)}</strong>{" "}
                  <span className="muted">
                    {coverage.covered} of {coverage.inScope} cells
                  </span>
                </span>
              ) : (
                <span className="muted">holds no cells yet</span>
              )}
            </div>
            <CoverageMeter fn={team.function} percent={coverage?.percent ?? null} />
          </li>
        );
      })}
    </ul>
  );
}
