import type { Metadata } from "next";
import { Forbidden } from "@/components/ui/forbidden";
import { PeopleCrumbs } from "@/components/people/people-crumbs";
import styles from "@/components/people/people.module.css";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { TeamForm } from "../_components/team-form";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  const user = await requireUser();
  if (!canEditCatalog(user)) return <Forbidden what="Only admins create teams." />;
  return (
    <>
      <header className="page-header">
        <PeopleCrumbs />
        <h1>New team</h1>
        <p className="page-lede">
          Its function decides which side of a shared concern its members count for.
        </p>
      </header>
      <section className={`panel ${styles.formPanel}`}>
        <TeamForm />
      </section>
    </>
  );
}
