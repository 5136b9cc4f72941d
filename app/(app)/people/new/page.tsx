import type { Metadata } from "next";
import { Forbidden } from "@/components/ui/forbidden";
import { PeopleCrumbs } from "@/components/people/people-crumbs";
import styles from "@/components/people/people.module.css";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listTeamOptions } from "@/lib/people/team-queries";
import { PersonForm } from "../_components/person-form";

export const metadata: Metadata = { title: "New person" };

export default async function NewPersonPage() {
  const user = await requireUser();
  if (!canEditCatalog(user)) return <Forbidden what="Only admins add people." />;
  const teams = await listTeamOptions();
  return (
    <>
      <header className="page-header">
        <PeopleCrumbs />
        <h1>New person</h1>
        <p className="page-lede">Anyone who can own cells, whether or not they sign in to Tandem.</p>
      </header>
      <section className={`panel ${styles.formPanel}`}>
        <PersonForm teams={teams} />
      </section>
    </>
  );
}
