import type { Metadata } from "next";
import { Suspense } from "react";
import { CoverageBar, formatPercent } from "@/components/ui/coverage-bar";
import { Stat } from "@/components/ui/stat";
import { requireUser } from "@/lib/auth/session";
import { listLeaversToHandOver } from "@/lib/home/leavers";
import { getHomeFigures } from "@/lib/home/queries";
import { getReviewSummaryForHome, listOverdueTeams } from "@/lib/review/home";
import { HomeLeavers } from "./_components/home-leavers";
import { HomeReview } from "./_components/home-review";
import { HomeTrend, HomeTrendLoading } from "./_components/home-trend";
import { TopGaps, TopHotspots } from "./_components/top-cells";
import "./home.css";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser();
  const now = new Date();
  const [figures, review, overdueTeams, leavers] = await Promise.all([
    getHomeFigures(),
    getReviewSummaryForHome(user, now),
    user.role === "admin" ? listOverdueTeams(now) : Promise.resolve([]),
    listLeaversToHandOver(user),
  ]);
  return (
    <>
      <header className="page-header">
        <h1>Home</h1>
        <p className="page-lede">Welcome back, {user.name.split(" ")[0]}.</p>
      </header>
      <div className="home-grid">
        <section aria-labelledby="coverage-heading" className="panel">
          <h2 id="coverage-heading">Coverage now</h2>
          <p className="headline-figure" data-testid="coverage-overall">
            <span className="headline-value">{formatPercent(figures.coverage.percent)}</span>
            <span className="muted">
              {figures.coverage.covered} of {figures.coverage.inScope} cells in scope have one active accountable owner and the
              right people doing the work
            </span>
          </p>
          <CoverageBar label="Marketing concerns" figure={figures.coverageByHome.marketing} tone="marketing" testId="coverage-marketing" />
          <CoverageBar label="IT concerns" figure={figures.coverageByHome.it} tone="it" testId="coverage-it" />
          <CoverageBar label="Shared concerns" figure={figures.coverageByHome.shared} tone="shared" testId="coverage-shared" />
          <div className="home-trend">
            <Suspense fallback={<HomeTrendLoading />}>
              <HomeTrend now={now} />
            </Suspense>
          </div>
        </section>
        <div className="home-stack">
          <section aria-labelledby="gaps-heading" className="panel">
            <h2 id="gaps-heading">Gaps</h2>
            <dl className="stat-grid">
              <Stat label="Cells with a gap" value={figures.cellsWithGaps} hint="uncovered, stale or flagged" testId="stat-gaps" />
              <Stat label="With a critical gap" value={figures.cellsWithCriticalGaps} hint="no accountable or departed owner" testId="stat-critical-gaps" />
            </dl>
          </section>
          <HomeReview review={review} overdueTeams={overdueTeams} isAdmin={user.role === "admin"} now={now} />
          {user.role === "viewer" ? null : <HomeLeavers leavers={leavers} />}
        </div>
      </div>
      <div className="home-grid home-grid-even">
        <TopGaps gaps={figures.topGaps} />
        <TopHotspots hotspots={figures.topHotspots} />
      </div>
      <section aria-labelledby="figures-heading" className="panel">
        <h2 id="figures-heading">The organisation today</h2>
        <dl className="stat-grid">
          <Stat label="Assets in scope" value={figures.assetsInScope} hint={`${figures.assetsRetired} retired`} testId="stat-assets" />
          <Stat label="Cells in scope" value={figures.coverage.inScope} hint="asset × concern pairs that apply" testId="stat-cells" />
          <Stat label="Current assignments" value={figures.assignmentsCurrent} hint="A, R, C and I roles held" testId="stat-assignments" />
          <Stat label="People" value={figures.activePeople} hint={`in ${figures.teams} teams`} testId="stat-people" />
        </dl>
      </section>
    </>
  );
}
