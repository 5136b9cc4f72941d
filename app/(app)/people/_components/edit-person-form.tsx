"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PersonRole } from "@/lib/people/schemas";
import type { TeamOption } from "@/lib/people/team-queries";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { FieldError, FormError } from "@/components/forms/form-feedback";
import { ROLE_LABEL } from "@/components/people/markers";
import styles from "@/components/people/people.module.css";
import { RoleOptions } from "./role-options";
import { TeamOptions } from "./team-select";
import { readForm, useWrite } from "@/components/forms/use-write";

interface Current {
  name: string;
  team: string | null;
  role: PersonRole;
  updatedAt: string;
}

/**
 * Edits name, team and role; the email is the person's identity and stays. The version it was loaded
 * with goes along: if someone saved in between, the server answers 409 with their values, shown here,
 * and saving again replaces them on purpose.
 */
export function EditPersonForm({
  person,
  teams,
}: {
  person: {
    id: number;
    email: string;
    name: string;
    teamId: number | null;
    role: PersonRole;
    updatedAt: string;
  };
  teams: TeamOption[];
}) {
  const router = useRouter();
  const { pending, errors, message, send } = useWrite();
  const [version, setVersion] = useState(person.updatedAt);
  const [theirs, setTheirs] = useState<Current | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readForm(event.currentTarget);
    const body = {
      name: form.text("name"),
      teamId: form.teamId(),
      role: form.text("role"),
      updatedAt: version,
    };
    const result = await send<{ updatedAt: string }>(`/api/people/${person.id}`, body, {
      method: "PATCH",
      fields: ["name", "teamId", "role"],
    });
    if (result.ok) {
      router.push(`/people/${person.id}` as Route);
      router.refresh();
    } else if (result.code === "conflict" && result.current) {
      const current = result.current as Current;
      setTheirs(current);
      setVersion(current.updatedAt);
    }
  }

  return (
    <form className="form" method="post" onSubmit={submit} noValidate aria-label="Edit person">
      {theirs ? (
        <div className="notice notice-warning" role="status" data-testid="conflict">
          Saved by someone else just now: name <strong>{theirs.name}</strong>, team{" "}
          <strong>{theirs.team ?? "none"}</strong>, role <strong>{ROLE_LABEL[theirs.role]}</strong>. Your
          values are below; save to replace theirs, or <a href={`/people/${person.id}/edit`}>reload</a> to
          start from theirs.
        </div>
      ) : null}
      <div className="field">
        <span>Email</span>
        <span className={`muted ${styles.readOnly}`}>
          {person.email} (cannot be changed: it is how sign-in and imports recognise this person)
        </span>
      </div>
      <div className="field">
        <label htmlFor="person-name">Name</label>
        <input
          id="person-name"
          name="name"
          required
          maxLength={TEXT_MAX.name}
          defaultValue={person.name}
          aria-describedby="name-error"
          aria-invalid={Boolean(errors?.name)}
        />
        <FieldError id="name-error" messages={errors?.name} />
      </div>
      <div className="field">
        <label htmlFor="person-teamId">Team</label>
        <select
          id="person-teamId"
          name="teamId"
          defaultValue={person.teamId === null ? "" : String(person.teamId)}
          aria-describedby="teamId-error"
          aria-invalid={Boolean(errors?.teamId)}
        >
          <option value="">No team</option>
          <TeamOptions teams={teams} />
        </select>
        <FieldError id="teamId-error" messages={errors?.teamId} />
      </div>
      <div className="field">
        <label htmlFor="person-role">Role</label>
        <select
          id="person-role"
          name="role"
          defaultValue={person.role}
          aria-describedby="role-error"
          aria-invalid={Boolean(errors?.role)}
        >
          <RoleOptions />
        </select>
        <FieldError id="role-error" messages={errors?.role} />
      </div>
      <FormError message={message} />
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </button>
        <a href={`/people/${person.id}`} className={`button button-quiet ${styles.buttonLink}`}>
          Cancel
        </a>
      </div>
    </form>
  );
}
