import { CoverageHeatmap } from "@/components/report/charts/coverage-heatmap";
import { CoverageTrendChart } from "@/components/report/charts/coverage-trend-chart";
import { GapsByTypeChart } from "@/components/report/charts/gaps-by-type-chart";
import { HandoffSankey } from "@/components/report/charts/handoff-sankey";
import { HotspotCharts } from "@/components/report/charts/hotspot-charts";
import { PersonLoadChart } from "@/components/report/charts/person-load-chart";
import { shapePersonLoad, shapeTopHotspots, TOP_HOTSPOT_CELLS, TOP_LOADED_PEOPLE } from "@/lib/report/chart-data";
import { largestHandoffFlows } from "@/lib/report/handoff-chart-data";
import { HOTSPOT_WINDOW_WEEKS } from "@/lib/report/load-report";
import { viewQuery } from "@/lib/report/report-params";
import type { ReportPageData } from "@/lib/report/report-view";
import { CoverageHeadline } from "./report-coverage";

/** The report's charts in three sections; every mark drills the table below down to its cells. */
export function ReportCharts({ data }: { data: Pick<ReportPageData, "view" | "report" | "trend"> }) {
  const { report, trend } = data;
  // Charts link to other views of the report: they keep filters, drill-down, sort and trend length, never the page.
  const view = viewQuery(data.view, { page: undefined });
  return (
    <>
      <section className="panel report-section" aria-labelledby="report-coverage-heading">
        <h2 id="report-coverage-heading">Coverage</h2>
        <CoverageHeadline coverage={report.coverage} />
        <div className="report-chart-grid report-coverage-charts">
          <CoverageTrendChart points={trend} view={view} />
          <CoverageHeatmap data={report.heatmap} catalog={{ kinds: report.catalog.kinds, concerns: report.catalog.concerns }} view={view} />
        </div>
      </section>
      <section className="panel report-section" aria-labelledby="report-gaps-heading">
        <h2 id="report-gaps-heading">Gaps and load</h2>
        <div className="report-chart-grid">
          <GapsByTypeChart data={report.gapsByTypeAndTeam} teams={report.catalog.teams} view={view} />
          <PersonLoadChart load={shapePersonLoad(report.personLoad, TOP_LOADED_PEOPLE)} concerns={report.catalog.concerns} overloadHighCriticalCells={report.settings.overloadHighCriticalCells} view={view} />
        </div>
      </section>
      <section className="panel report-section" aria-labelledby="report-collaboration-heading">
        <h2 id="report-collaboration-heading">Collaboration between marketing and IT</h2>
        <HotspotCharts
          topCells={shapeTopHotspots(report.hotspots, report.catalog, TOP_HOTSPOT_CELLS)}
          hotspotCount={report.hotspots.length}
          byConcern={report.hotspotsByConcern}
          byTeamPair={report.hotspotsByTeamPair}
          catalog={{ concerns: report.catalog.concerns }}
          view={view}
        />
        <HandoffSankey {...largestHandoffFlows(report.handoffFlows)} teams={report.catalog.teams} windowWeeks={HOTSPOT_WINDOW_WEEKS} view={view} />
      </section>
    </>
  );
}
