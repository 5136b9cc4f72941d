"use client";

import { useId, useState } from "react";
import { FieldError } from "@/components/forms/form-feedback";
import type { BoardCell } from "@/lib/review/board";
import type { ItemView } from "@/lib/review/item-view";
import { FLAG_REASON_LABEL, FLAG_REASONS, type FlagReasonKey } from "@/lib/review/schemas";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import styles from "../review.module.css";
import type { DecisionPayload } from "./cell-row";
import { FormShell, useFormErrors } from "./form-shell";

interface Props {
  cell: BoardCell;
  item: ItemView | null;
  onSave: (payload: DecisionPayload) => Promise<Record<string, string[]> | null>;
  onCancel: () => void;
}

/** Flag a cell: a reason is required, and a note too when the reason is "Other". */
export function FlagForm({ cell, item, onSave, onCancel }: Props) {
  const saved = item?.decision === "flag" ? item : null;
  const [reason, setReason] = useState<FlagReasonKey | null>(saved?.flagReason ?? null);
  const [note, setNote] = useState(saved?.note ?? "");
  const { errors, setErrors, pending, run } = useFormErrors();
  const noteId = useId();

  async function save() {
    const missing: Record<string, string[]> = {};
    if (!reason) missing.flagReason = ["Choose why you flag this cell."];
    if (reason === "other" && !note.trim()) missing.note = ["Say what is wrong: the note is required for “Other”."];
    if (Object.keys(missing).length || !reason) {
      setErrors(missing);
      return;
    }
    await run(() => onSave({ decision: "flag", flagReason: reason, note }));
  }

  return (
    <FormShell title={`Flag ${cell.assetName} · ${cell.concernName}`} onSubmit={save} onCancel={onCancel} pending={pending} submitLabel="Save flag" errors={errors}>
      <fieldset className={styles.reasons}>
        <legend>Why? (required)</legend>
        {FLAG_REASONS.map((value) => (
          <label key={value}>
            <input type="radio" name="flagReason" value={value} checked={reason === value} onChange={() => setReason(value)} />
            {FLAG_REASON_LABEL[value]}
          </label>
        ))}
      </fieldset>
      <FieldError messages={errors.flagReason} />
      <label className="field" htmlFor={noteId}>
        <span>Note {reason === "other" ? "(required)" : "(optional)"}</span>
        <textarea id={noteId} className={styles.textarea} value={note} onChange={(event) => setNote(event.target.value)} maxLength={TEXT_MAX.note} />
      </label>
      <FieldError messages={errors.note} />
    </FormShell>
  );
}

/** Hand a cell to another team: it shows in that team's next review with this note and the sender. */
export function HandoffForm({ cell, item, teams, onSave, onCancel }: Props & { teams: { id: number; name: string }[] }) {
  const saved = item?.decision === "handoff" ? item : null;
  const [teamId, setTeamId] = useState<string>(saved?.handoffTeam ? String(saved.handoffTeam.id) : "");
  const [note, setNote] = useState(saved?.note ?? "");
  const { errors, setErrors, pending, run } = useFormErrors();
  const teamField = useId();
  const noteField = useId();

  async function save() {
    const missing: Record<string, string[]> = {};
    if (!teamId) missing.handoffTeamId = ["Choose the team to hand this cell to."];
    if (!note.trim()) missing.note = ["Say what the other team should take on."];
    if (Object.keys(missing).length) {
      setErrors(missing);
      return;
    }
    await run(() => onSave({ decision: "handoff", handoffTeamId: Number(teamId), note }));
  }

  return (
    <FormShell title={`Hand off ${cell.assetName} · ${cell.concernName}`} onSubmit={save} onCancel={onCancel} pending={pending} submitLabel="Save hand-off" errors={errors}>
      <div className={styles.formColumns}>
        <label className="field" htmlFor={teamField}>
          <span>Hand off to</span>
          <select id={teamField} value={teamId} onChange={(event) => setTeamId(event.target.value)}>
            <option value="">Choose a team…</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <FieldError messages={errors.handoffTeamId} />
        </label>
        <label className="field" htmlFor={noteField}>
          <span>Note for them (required)</span>
          <textarea id={noteField} className={styles.textarea} value={note} onChange={(event) => setNote(event.target.value)} maxLength={TEXT_MAX.note} />
          <FieldError messages={errors.note} />
        </label>
      </div>
      <p className={styles.formHint}>The cell appears in their review next week, with your note and your team&apos;s name.</p>
    </FormShell>
  );
}
