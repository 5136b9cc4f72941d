"use client";

import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PASSWORD_MAX, PASSWORD_MIN, signsIn, type PersonRole } from "@/lib/people/schemas";
import type { TeamOption } from "@/lib/people/team-queries";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import { FieldError, FormError } from "@/components/forms/form-feedback";
import { RoleOptions } from "./role-options";
import { TeamOptions } from "./team-select";
import { readForm, useWrite } from "@/components/forms/use-write";

/** Adds a person. Values stay in the form when the server refuses them; its errors sit next to each field. */
export function NewPersonForm({ teams }: { teams: TeamOption[] }) {
  const router = useRouter();
  const { pending, errors, message, send } = useWrite();
  const [role, setRole] = useState<PersonRole>("none");

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readForm(event.currentTarget);
    const chosenRole = form.text("role") as PersonRole;
    const password = form.text("password");
    const result = await send<{ id: number }>(
      "/api/people",
      {
        email: form.text("email"),
        name: form.text("name"),
        teamId: form.teamId(),
        role: chosenRole,
        ...(signsIn(chosenRole) && password ? { password } : {}),
      },
      { fields: ["email", "name", "teamId", "role", "password"] },
    );
    if (result.ok) {
      router.push(`/people/${result.data.id}` as Route);
      router.refresh();
    }
  }

  return (
    <form className="form" method="post" onSubmit={submit} noValidate aria-label="New person">
      <div className="field">
        <label htmlFor="person-email">Email</label>
        <input
          id="person-email"
          name="email"
          type="email"
          required
          maxLength={TEXT_MAX.email}
          autoComplete="off"
          aria-describedby="email-error"
          aria-invalid={Boolean(errors?.email)}
        />
        <FieldError id="email-error" messages={errors?.email} />
      </div>
      <div className="field">
        <label htmlFor="person-name">Name</label>
        <input
          id="person-name"
          name="name"
          required
          maxLength={TEXT_MAX.name}
          autoComplete="off"
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
          defaultValue=""
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
          defaultValue="none"
          onChange={(event) => setRole(event.target.value as PersonRole)}
          aria-describedby="role-error"
          aria-invalid={Boolean(errors?.role)}
        >
          <RoleOptions />
        </select>
        <FieldError id="role-error" messages={errors?.role} />
      </div>
      {signsIn(role) ? (
        <div className="field">
          <label htmlFor="person-password">
            Initial password{" "}
            <span className="muted">
              (optional, {PASSWORD_MIN} to {PASSWORD_MAX} characters; they cannot sign in without one)
            </span>
          </label>
          <input
            id="person-password"
            name="password"
            type="password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX}
            aria-describedby="password-error"
            aria-invalid={Boolean(errors?.password)}
          />
          <FieldError id="password-error" messages={errors?.password} />
        </div>
      ) : null}
      <FormError message={message} />
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Adding…" : "Add person"}
        </button>
      </div>
    </form>
  );
}
