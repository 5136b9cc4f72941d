import type { Metadata, Route } from "next";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/ui/forbidden";
import { PeopleCrumbs } from "@/components/people/people-crumbs";
import styles from "@/components/people/people.module.css";
import { canEditCatalog } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getPersonForEdit } from "@/lib/people/queries";
import { parseId, signsIn } from "@/lib/people/schemas";
import { listTeamOptions } from "@/lib/people/team-queries";
import { PasswordForm } from "../../_components/password-form";
import { PersonForm } from "../../_components/person-form";

export const metadata: Metadata = { title: "Edit person" };

export default async function EditPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const [user, { id: rawId }] = await Promise.all([requireUser(), params]);
  if (!canEditCatalog(user)) return <Forbidden what="Only admins edit people." />;
  const id = parseId(rawId);
  if (id === null) notFound();
  const [person, teams] = await Promise.all([getPersonForEdit(id), listTeamOptions()]);
  if (!person) notFound();
  return (
    <>
      <header className="page-header">
        <PeopleCrumbs through={{ href: `/people/${person.id}` as Route, label: person.name }} />
        <h1>Edit {person.name}</h1>
      </header>
      <section className={`panel ${styles.formPanel}`} aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <PersonForm person={{ ...person, updatedAt: person.updatedAt.toISOString() }} teams={teams} />
      </section>
      <section className={`panel ${styles.formPanel}`} aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        {signsIn(person.role) ? (
          <PasswordForm personId={person.id} name={person.name} />
        ) : (
          <p className="muted">
            People with role none never sign in, so they have no password. Give them a role first.
          </p>
        )}
      </section>
    </>
  );
}
