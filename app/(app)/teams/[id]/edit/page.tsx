import type { Metadata, Route } from "next";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/ui/forbidden";
import { PeopleCrumbs } from "@/components/people/people-crumbs";
import styles from "@/components/people/people.module.css";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { parseId } from "@/lib/people/schemas";
import { getTeamDetail } from "@/lib/people/team-queries";
import { TeamForm } from "../../_components/team-form";

export const metadata: Metadata = { title: "Edit team" };

export default async function EditTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const [user, { id: rawId }] = await Promise.all([requireUser(), params]);
  if (!canEditCatalog(user)) return <Forbidden what="Only admins edit teams." />;
  const id = parseId(rawId);
  if (id === null) notFound();
  const team = await getTeamDetail(id);
  if (!team) notFound();
  return (
    <>
      <header className="page-header">
        <PeopleCrumbs through={{ href: `/teams/${team.id}` as Route, label: team.name }} />
        <h1>Edit {team.name}</h1>
        <p className="page-lede">
          Changing the function changes which side its members count for on every shared concern.
        </p>
      </header>
      <section className={`panel ${styles.formPanel}`}>
        <TeamForm
          team={{
            id: team.id,
            name: team.name,
            function: team.function,
            updatedAt: team.updatedAt.toISOString(),
          }}
        />
      </section>
    </>
  );
}
