import type { Metadata } from "next";
import { Stat } from "@/components/ui/stat";
import { requireUser } from "@/lib/auth/session";
import { getHomeCounts } from "@/lib/home/queries";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const [user, counts] = await Promise.all([requireUser(), getHomeCounts()]);
  return (
    <>
      <header className="page-header">
        <h1>Home</h1>
        <p className="page-lede">Welcome back, {user.name.split(" ")[0]}.</p>
      </header>
      <section aria-labelledby="figures-heading" className="panel">
        <h2 id="figures-heading">The organisation today</h2>
        <dl className="stat-grid">
          <Stat label="Assets in scope" value={counts.assetsInScope} hint={`${counts.assetsRetired} retired`} testId="stat-assets" />
          <Stat label="Cells in scope" value={counts.cellsInScope} hint="asset × concern pairs that apply" testId="stat-cells" />
          <Stat label="Current assignments" value={counts.assignmentsCurrent} hint="A, R, C and I roles held" testId="stat-assignments" />
          <Stat label="People" value={counts.activePeople} hint={`in ${counts.teams} teams`} testId="stat-people" />
        </dl>
      </section>
    </>
  );
}
