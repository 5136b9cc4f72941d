import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { formatDay, formatDayTime } from "@/lib/catalog/format";
import { canonicalReportQuery, viewQuery, type RawSearchParams } from "@/lib/report/report-params";
import { loadReportPage } from "@/lib/report/report-view";
import { reportHref } from "@/lib/report/selection";
import { ReportCharts } from "./_components/report-charts";
import { ReportFilters } from "./_components/report-filters";
import { ReportTableSection } from "./_components/report-table-section";
import "./report.css";

export const metadata: Metadata = { title: "Gap report" };

export default async function ReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [, raw, requestHeaders] = await Promise.all([requireUser(), searchParams, headers()]);
  const canonical = canonicalReportQuery(raw);
  if (canonical !== null) redirect(canonical ? `/report?${canonical}` : "/report");

  const now = new Date();
  const data = await loadReportPage(raw, now);
  const { view, report, timeZone } = data;
  const asOf = new Date(report.asOf);
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host");
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const viewUrl = `${host ? `${protocol}://${host}` : ""}${reportHref(viewQuery(view))}`;
  return (
    <>
      <header className="page-header page-header-row report-header">
        <div>
          <h1>Gap report</h1>
          <p className="page-lede" data-testid="report-as-of">
            Coverage gaps and marketing–IT collaboration hotspots{" "}
            {view.filters.asOf && asOf.getTime() < now.getTime() ? (
              <>
                as of the end of <time dateTime={view.filters.asOf}>{formatDay(new Date(`${view.filters.asOf}T12:00:00Z`), "UTC")}</time>
              </>
            ) : (
              <>
                as of <time dateTime={report.asOf}>{formatDayTime(asOf, timeZone)}</time>
              </>
            )}
            .
          </p>
          <p className="report-print-url">{viewUrl}</p>
        </div>
      </header>
      <section className="panel report-filters-panel" aria-labelledby="report-filters-heading">
        <h2 id="report-filters-heading" className="visually-hidden">
          Filters
        </h2>
        <ReportFilters view={view} catalog={report.catalog} today={new Intl.DateTimeFormat("en-CA", { timeZone }).format(now)} />
      </section>
      <ReportCharts data={data} />
      <ReportTableSection data={data} />
    </>
  );
}
