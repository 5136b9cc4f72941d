"use client";

import { Field, FieldError, fieldProps, FormError } from "@/components/forms/form-feedback";
import { readForm, useSaveRecord } from "@/components/forms/use-write";
import { FUNCTION_LABEL } from "@/components/people/markers";
import styles from "@/components/people/people.module.css";
import { TEAM_FUNCTIONS, type TeamFunctionValue } from "@/lib/people/schemas";
import { TEXT_MAX } from "@/lib/validation/text-limits";

const FUNCTION_HINT: Record<TeamFunctionValue, string> = {
  marketing: "counts as the marketing side of shared concerns",
  it: "counts as the IT side of shared concerns",
  other: "counts for neither side",
};

const fields = ["name", "function"] as const;
const PREFIX = "team-";

interface Current {
  name: string;
  function: TeamFunctionValue;
  updatedAt: string;
}

/** Creates a team, or edits one when `team` is given (with its version, so a concurrent save is not overwritten unseen). */
export function TeamForm({
  team,
}: {
  team?: { id: number; name: string; function: TeamFunctionValue; updatedAt: string };
}) {
  const { pending, errors, message, save, theirs } = useSaveRecord<Current>("/api/teams", "/teams", team);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = readForm(event.currentTarget);
    await save({ name: form.text("name"), function: form.text("function") }, fields);
  }

  return (
    <form
      className="form"
      method="post"
      onSubmit={submit}
      noValidate
      aria-label={team ? "Edit team" : "New team"}
    >
      {theirs ? (
        <div className="notice notice-warning" role="status" data-testid="conflict">
          Saved by someone else just now: <strong>{theirs.name}</strong>, {FUNCTION_LABEL[theirs.function]}.
          Your values are below; save to replace theirs.
        </div>
      ) : null}
      <Field name="name" label="Name" prefix={PREFIX} errors={errors}>
        <input
          {...fieldProps("name", errors, PREFIX)}
          required
          maxLength={TEXT_MAX.label}
          defaultValue={team?.name}
          autoComplete="off"
        />
      </Field>
      <fieldset className={styles.radioGroup} aria-describedby={`${PREFIX}function-error`}>
        <legend>Function</legend>
        {TEAM_FUNCTIONS.map((value) => (
          <label key={value}>
            <input type="radio" name="function" value={value} defaultChecked={team?.function === value} />
            {FUNCTION_LABEL[value]} <span className={styles.hint}>({FUNCTION_HINT[value]})</span>
          </label>
        ))}
      </fieldset>
      <FieldError id={`${PREFIX}function-error`} messages={errors?.function} />
      <FormError message={message} />
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? "Saving…" : team ? "Save changes" : "Create team"}
        </button>
        <a
          href={team ? `/teams/${team.id}` : "/people"}
          className={`button button-quiet ${styles.buttonLink}`}
        >
          Cancel
        </a>
      </div>
    </form>
  );
}
