import { CoverageTrendChart } from "@/components/report/charts/coverage-trend-chart";
import { getHomeTrend } from "@/lib/home/queries";

/** The 12-week coverage trend, streamed in after the rest of Home: reconstructing past weeks takes longer. */
export async function HomeTrend({ now }: { now: Date }) {
  const points = await getHomeTrend(now);
  return <CoverageTrendChart points={points} compact headingLevel={3} />;
}

export function HomeTrendLoading() {
  return (
    <p className="home-trend-loading" role="status">
      Loading the 12-week trend…
    </p>
  );
}
