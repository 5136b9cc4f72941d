"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, fieldProps, FormError } from "@/components/forms/form-feedback";
import { readForm, useWrite } from "@/components/forms/use-write";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import type { IssuedToken } from "@/lib/tokens/tokens";
import { TokenCreated } from "./token-created";
import styles from "./tokens.module.css";

/** Expiry choices; "days" opens a field for any other number of days. */
const EXPIRY_CHOICES = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 365 days" },
  { value: "days", label: "After a number of days…" },
  { value: "never", label: "Never (until revoked)" },
] as const;

const ROLE_CHOICES = [
  { value: "viewer", label: "Viewer: reads everything" },
  { value: "manager", label: "Manager of a team: that team's cells and reviews" },
  { value: "admin", label: "Admin: everything, the catalog and people included" },
  // A SCIM token is an admin's service token that may call /scim/v2 only (README, "Provisioning with SCIM").
  { value: "scim", label: "SCIM provisioning: the identity provider creates and deactivates people and teams" },
] as const;

type Target = { kind: "personal" } | { kind: "service"; teams: readonly { id: number; name: string }[] };

/**
 * Makes a token (personal, or a service token with its role and team), then shows it once, above the form. The
 * page's list reloads behind it; the token itself is kept only in this component's state, until "Done".
 */
export function CreateTokenForm({ target, origin, timeZone }: { target: Target; origin: string; timeZone: string }) {
  const router = useRouter();
  const { pending, errors, message, send } = useWrite();
  const [expiry, setExpiry] = useState<string>("90");
  const [role, setRole] = useState<string>("viewer");
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const service = target.kind === "service";

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = readForm(element);
    const days = form.text("expiresInDays").trim();
    // Anything but digits goes as typed, for the server to refuse with the rule's own sentence.
    const expiresInDays = expiry === "never" ? null : expiry === "days" ? (/^\d{1,6}$/.test(days) ? Number(days) : days) : Number(expiry);
    const scope = role === "scim" ? { role: "admin", scim: true } : { role };
    const body = service ? { name: form.text("name"), ...scope, teamId: role === "manager" ? form.teamId() : null, expiresInDays } : { name: form.text("name"), expiresInDays };
    const fields = ["name", ...(expiry === "days" ? ["expiresInDays"] : []), ...(service ? ["role", "teamId"] : [])];
    const result = await send<IssuedToken>(service ? "/api/settings/service-tokens" : "/api/me/tokens", body, { fields });
    if (!result.ok) return;
    setIssued(result.data);
    element.reset();
    setExpiry("90");
    setRole("viewer");
    router.refresh();
  }

  return (
    <>
      <div aria-live="polite">{issued ? <TokenCreated issued={issued} origin={origin} timeZone={timeZone} onDone={() => setIssued(null)} /> : null}</div>
      <form className="form" method="post" onSubmit={submit} noValidate aria-label={service ? "New service token" : "New token"}>
        <div className={styles.inline}>
          <Field name="name" label="Name" prefix="token-" errors={errors} hint="What uses it, to recognise it later: “Backstage sync”, “BI export”.">
            <input {...fieldProps("name", errors, "token-", true)} maxLength={TEXT_MAX.label} autoComplete="off" required />
          </Field>
          <Field name="expiry" label="Expires" prefix="token-" errors={undefined}>
            <select id="token-expiry" name="expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </Field>
          {expiry === "days" ? (
            <Field name="expiresInDays" label="Days until it expires" prefix="token-" errors={errors}>
              <input {...fieldProps("expiresInDays", errors, "token-")} inputMode="numeric" autoComplete="off" />
            </Field>
          ) : null}
        </div>
        {target.kind === "service" ? (
          <div className={styles.inline}>
            <Field name="role" label="Acts as" prefix="token-" errors={errors}>
              <select {...fieldProps("role", errors, "token-")} value={role} onChange={(event) => setRole(event.target.value)}>
                {ROLE_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </Field>
            {role === "manager" ? (
              <Field name="teamId" label="Team" prefix="token-" errors={errors}>
                <select {...fieldProps("teamId", errors, "token-")} defaultValue="">
                  <option value="">Choose the team…</option>
                  {target.teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.name}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </div>
        ) : null}
        <FormError message={message} />
        <div className="page-actions">
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? "Making…" : "Make the token"}
          </button>
        </div>
      </form>
    </>
  );
}
