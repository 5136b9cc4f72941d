"use client";

import { useState } from "react";
import { FieldError } from "@/components/forms/form-feedback";
import { PersonPicker } from "@/components/forms/person-picker";
import type { PersonOption } from "@/lib/ownership/cell-detail";
import type { BoardCell } from "@/lib/review/board";
import type { ItemView } from "@/lib/review/item-view";
import { TEXT_MAX } from "@/lib/validation/text-limits";
import styles from "../review.module.css";
import type { DecisionPayload } from "./cell-row";
import { FormShell, useFormErrors } from "./form-shell";

interface Props {
  cell: BoardCell;
  item: ItemView | null;
  people: PersonOption[];
  onSave: (payload: DecisionPayload) => Promise<Record<string, string[]> | null>;
  onCancel: () => void;
}

/**
 * Choose the cell's new owners: exactly one accountable, any number responsible. It starts from the
 * saved change, else from the active holders now, so keeping someone is the default.
 */
export function ChangeForm({ cell, item, people, onSave, onCancel }: Props) {
  const byId = (id: number) => people.find((person) => person.id === id) ?? null;
  const saved = item?.decision === "change" ? item : null;
  const activeHolder = (role: "A" | "R") => cell.holders.filter((h) => h.role === role && h.active).map((h) => byId(h.personId)).filter((p): p is PersonOption => p !== null);
  const [accountable, setAccountable] = useState<PersonOption | null>(() => {
    if (saved) return byId(saved.newOwners.find((owner) => owner.role === "A")?.personId ?? 0);
    const current = activeHolder("A");
    return current.length === 1 ? current[0]! : null;
  });
  const [responsible, setResponsible] = useState<PersonOption[]>(() =>
    saved ? saved.newOwners.filter((owner) => owner.role === "R").flatMap((owner) => byId(owner.personId) ?? []) : activeHolder("R"),
  );
  const [note, setNote] = useState(saved?.note ?? "");
  const { errors, setErrors, pending, run } = useFormErrors();

  async function save() {
    if (!accountable) {
      setErrors({ accountableId: ["Choose the accountable person: a cell needs exactly one."] });
      return;
    }
    await run(() => onSave({ decision: "change", accountableId: accountable.id, responsibleIds: responsible.map((p) => p.id), note }));
  }

  return (
    <FormShell title={`Change the owners of ${cell.assetName} · ${cell.concernName}`} onSubmit={save} onCancel={onCancel} pending={pending} submitLabel="Save change" errors={errors}>
      <div className={styles.formColumns}>
        <fieldset>
          <legend>Accountable (exactly one)</legend>
          <ul className={styles.chosen} aria-live="polite" data-testid="chosen-accountable">
            {accountable ? (
              <li>
                {accountable.name} <span className="muted">{accountable.teamName ?? "no team"}</span>
              </li>
            ) : (
              <li className="muted">Nobody chosen yet</li>
            )}
          </ul>
          <PersonPicker people={people} onChoose={(person) => setAccountable(person)} />
          <FieldError messages={errors.accountableId} />
        </fieldset>
        <fieldset>
          <legend>Responsible (zero or more)</legend>
          <ul className={styles.chosen} aria-live="polite" data-testid="chosen-responsible">
            {responsible.length === 0 ? <li className="muted">Nobody: the accountable person does the work</li> : null}
            {responsible.map((person) => (
              <li key={person.id}>
                {person.name}
                <button type="button" onClick={() => setResponsible((list) => list.filter((p) => p.id !== person.id))} aria-label={`Remove ${person.name} from responsible`}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <PersonPicker
            people={people.filter((person) => person.id !== accountable?.id && !responsible.some((p) => p.id === person.id))}
            onChoose={(person) => setResponsible((list) => [...list, person])}
          />
          <FieldError messages={errors.responsibleIds} />
        </fieldset>
      </div>
      <label className="field">
        <span>Note (optional)</span>
        <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={TEXT_MAX.note} placeholder="Why the change, for the history" />
      </label>
      <p className={styles.formHint}>
        Nothing changes in the matrix until the review is submitted; consulted and informed people stay as they are.
      </p>
    </FormShell>
  );
}
