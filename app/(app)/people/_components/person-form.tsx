"use client";

import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { readForm, useSaveRecord } from "@/components/forms/use-write";
import { ROLE_LABEL } from "@/components/people/markers";
import styles from "@/components/people/people.module.css";
import { PASSWORD_MAX, PASSWORD_MIN, signsIn, type PersonRole } from "@/lib/people/schemas";
import type { TeamOption } from "@/lib/people/team-queries";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { PasswordField } from "@/components/forms/password-field";
import { RoleOptions } from "./role-options";
import { TeamOptions } from "./team-select";

interface Current {
  name: string;
  team: string | null;
  role: PersonRole;
  updatedAt: string;
}

/**
 * Adds a person, or edits one when `person` is given (with its version, so a concurrent save is shown, not
 * overwritten unseen). Values stay in the form when the server refuses them; its errors sit next to each
 * field. The email is a person's identity: it is typed once, then stays.
 */
export function PersonForm({
  teams,
  person,
}: {
  teams: TeamOption[];
  person?: {
    id: number;
    email: string;
    name: string;
    teamId: number | null;
    role: PersonRole;
    updatedAt: string;
  };
}) {
  const { pending, errors, message, save, theirs } = useSaveRecord<Current>("/api/people", "/people", person);
  const [role, setRole] = useState<PersonRole>(person?.role ?? "none");
  // A new person who signs in may get a first password here; later ones are set on the edit page.
  const withPassword = !person && signsIn(role);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readForm(event.currentTarget);
    const details = { name: form.text("name"), teamId: form.teamId(), role: form.text("role") };
    const password = form.text("password");
    if (person) {
      await save(details, ["name", "teamId", "role"]);
    } else {
      await save(
        { email: form.text("email"), ...details, ...(withPassword && password ? { password } : {}) },
        ["email", "name", "teamId", "role", "password"],
      );
    }
  }

  return (
    <form
      className="form"
      method="post"
      onSubmit={submit}
      noValidate
      aria-label={person ? "Edit person" : "New person"}
    >
      {person && theirs ? (
        <div className="notice notice-warning" role="status" data-testid="conflict">
          Saved by someone else just now: name <strong>{theirs.name}</strong>, team{" "}
          <strong>{theirs.team ?? "none"}</strong>, role <strong>{ROLE_LABEL[theirs.role]}</strong>. Your
          values are below; save to replace theirs, or <a href={`/people/${person.id}/edit`}>reload</a> to
          start from theirs.
        </div>
      ) : null}
      {person ? (
        <div className="field">
          <span>Email</span>
          <span className={`muted ${styles.readOnly}`}>
            {person.email} (cannot be changed: it is how sign-in and imports recognise this person)
          </span>
        </div>
      ) : (
        <Field name="email" label="Email" errors={errors}>
          <input
            {...fieldProps("email", errors)}
            type="email"
            required
            maxLength={TEXT_MAX.email}
            autoComplete="off"
          />
        </Field>
      )}
      <Field name="name" label="Name" errors={errors}>
        <input
          {...fieldProps("name", errors)}
          required
          maxLength={TEXT_MAX.name}
          autoComplete="off"
          defaultValue={person?.name}
        />
      </Field>
      <Field name="teamId" label="Team" errors={errors}>
        <select
          {...fieldProps("teamId", errors)}
          defaultValue={person && person.teamId !== null ? String(person.teamId) : ""}
        >
          <option value="">No team</option>
          <TeamOptions teams={teams} />
        </select>
      </Field>
      <Field name="role" label="Role" errors={errors}>
        <select
          {...fieldProps("role", errors)}
          defaultValue={role}
          onChange={(event) => setRole(event.target.value as PersonRole)}
        >
          <RoleOptions />
        </select>
      </Field>
      {withPassword ? (
        <PasswordField
          name="password"
          label={
            <>
              Initial password{" "}
              <span className="muted">
                (optional, {PASSWORD_MIN} to {PASSWORD_MAX} characters; they cannot sign in without one)
              </span>
            </>
          }
          errors={errors}
        />
      ) : null}
      <FormError message={message} />
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? (person ? "Saving…" : "Adding…") : person ? "Save changes" : "Add person"}
        </button>
        {person ? (
          <a href={`/people/${person.id}`} className={`button button-quiet ${styles.buttonLink}`}>
            Cancel
          </a>
        ) : null}
      </div>
    </form>
  );
}
