"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { CoveredBadge, GapBadge } from "@/components/ui/gap-badge";
import { PersonPicker } from "@/components/forms/person-picker";
import { postJson } from "@/lib/api/post-json";
import type { CellHolderDetail } from "@/lib/ownership/cell-state";
import type { PersonOption } from "@/lib/ownership/cell-detail";
import { evaluateCell, type ConcernHome, type Criticality, type RaciRole, type ReviewDecision, type RulePerson, type RuleSettings } from "@/lib/rules";

const ROLES: RaciRole[] = ["A", "R", "C", "I"];
const ROLE_LABEL: Record<RaciRole, string> = { A: "Accountable", R: "Responsible", C: "Consulted", I: "Informed" };

interface Props {
  assetKey: string;
  concernKey: string;
  concernHome: ConcernHome;
  assetCriticality: Criticality;
  assetKindKey: string;
  latestReviewDecision: ReviewDecision | null;
  settings: RuleSettings;
  version: string;
  holders: CellHolderDetail[];
  people: PersonOption[];
}

type Pending = { person: PersonOption; role: RaciRole };
type Feedback = { kind: "error" | "success" | "conflict"; text: string; current?: CellHolderDetail[] } | null;

/**
 * Stages additions and removals, shows the cell's resulting state from the same rules engine the
 * server uses, then saves them in one request. A save against a changed cell is refused (409).
 */
export function CellEditor(props: Props) {
  const router = useRouter();
  const [removed, setRemoved] = useState<Set<number>>(new Set());
  const [added, setAdded] = useState<Pending[]>([]);
  const [role, setRole] = useState<RaciRole>("A");
  const [replacePrompt, setReplacePrompt] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [shownVersion, setShownVersion] = useState(props.version);

  // A new version of the cell (after our save or someone else's) starts the staging afresh. It is
  // reset here rather than by remounting, so that the "Saved." notice outlives the refresh.
  if (props.version !== shownVersion) {
    setShownVersion(props.version);
    setRemoved(new Set());
    setAdded([]);
    setReplacePrompt(null);
    if (feedback?.kind !== "success") setFeedback(null);
  }

  const remaining = props.holders.filter((holder) => !removed.has(holder.assignmentId));
  const preview = useMemo(() => {
    const people = new Map<number, RulePerson>();
    for (const holder of props.holders) {
      const option = props.people.find((p) => p.id === holder.personId);
      people.set(holder.personId, {
        id: holder.personId,
        email: holder.personEmail,
        teamId: option?.teamId ?? null,
        function: option?.function ?? null,
        active: holder.active,
      });
    }
    for (const { person } of added) {
      people.set(person.id, { id: person.id, email: person.email, teamId: person.teamId, function: person.function, active: true });
    }
    return evaluateCell(
      {
        assetId: 0,
        assetKey: props.assetKey,
        assetKindKey: props.assetKindKey,
        assetCriticality: props.assetCriticality,
        inScope: true,
        concernId: 0,
        concernKey: props.concernKey,
        concernHome: props.concernHome,
        holders: [
          ...remaining.map((h) => ({ personId: h.personId, role: h.role, confirmedAt: h.confirmedAt })),
          // A new assignment counts as confirmed by the person who makes it.
          ...added.map((a) => ({ personId: a.person.id, role: a.role, confirmedAt: new Date() })),
        ],
        latestReviewDecision: props.latestReviewDecision,
      },
      people,
      new Date(),
      props.settings,
    );
  }, [added, remaining, props]);

  const dirty = removed.size > 0 || added.length > 0;
  const takenKeys = new Set([...remaining.map((h) => `${h.personId}:${h.role}`), ...added.map((a) => `${a.person.id}:${a.role}`)]);

  function choose(person: PersonOption) {
    setFeedback(null);
    if (takenKeys.has(`${person.id}:${role}`)) {
      setFeedback({ kind: "error", text: `${person.name} already holds ${ROLE_LABEL[role]} here.` });
      return;
    }
    const otherAccountable = remaining.some((h) => h.role === "A") || added.some((a) => a.role === "A");
    if (role === "A" && otherAccountable) {
      setReplacePrompt({ person, role });
      return;
    }
    setAdded((list) => [...list, { person, role }]);
  }

  function replaceAccountable(pending: Pending) {
    setRemoved((set) => new Set([...set, ...remaining.filter((h) => h.role === "A").map((h) => h.assignmentId)]));
    setAdded((list) => [...list.filter((a) => a.role !== "A"), pending]);
    setReplacePrompt(null);
  }

  async function save() {
    setSaving(true);
    setFeedback(null);
    const result = await postJson<{ version: string }>(`/api/cells/${encodeURIComponent(props.assetKey)}/${encodeURIComponent(props.concernKey)}`, {
      expectedVersion: props.version,
      add: added.map((a) => ({ personId: a.person.id, role: a.role })),
      end: [...removed],
    });
    setSaving(false);
    if (result.ok) {
      setFeedback({ kind: "success", text: "Saved." });
      router.refresh();
      return;
    }
    const current = (result.current as { holders?: CellHolderDetail[] } | undefined)?.holders;
    setFeedback({ kind: result.code === "conflict" ? "conflict" : "error", text: result.error, current });
  }

  return (
    <div className="cell-editor" data-testid="cell-editor">
      <ul className="holder-list" data-testid="holders">
        {remaining.length === 0 && added.length === 0 ? <li className="muted">Nobody holds any role on this cell.</li> : null}
        {props.holders.map((holder) =>
          removed.has(holder.assignmentId) ? null : (
            <li key={holder.assignmentId}>
              <span className={`role-chip role-chip-${holder.role}`} title={ROLE_LABEL[holder.role]}>{holder.role}</span>
              <span className="holder-name">
                {holder.personName}
                {holder.active ? "" : " (left)"} <span className="muted">{holder.teamName ?? "no team"}</span>
              </span>
              <button type="button" className="button button-quiet" onClick={() => setRemoved((set) => new Set(set).add(holder.assignmentId))} aria-label={`Remove ${holder.personName} as ${ROLE_LABEL[holder.role]}`}>
                Remove
              </button>
            </li>
          ),
        )}
        {added.map((addition) => (
          <li key={`${addition.person.id}:${addition.role}`} className="holder-added">
            <span className={`role-chip role-chip-${addition.role}`}>{addition.role}</span>
            <span className="holder-name">
              {addition.person.name} <span className="muted">{addition.person.teamName ?? "no team"} · not saved yet</span>
            </span>
            <button type="button" className="button button-quiet" onClick={() => setAdded((list) => list.filter((a) => a !== addition))}>
              Undo
            </button>
          </li>
        ))}
      </ul>

      <fieldset className="add-holder">
        <legend>Add a holder</legend>
        <div className="role-choice" role="radiogroup" aria-label="Role">
          {ROLES.map((value) => (
            <label key={value} className={role === value ? "chosen" : undefined}>
              <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} />
              {value} <span className="muted">{ROLE_LABEL[value]}</span>
            </label>
          ))}
        </div>
        <PersonPicker people={props.people} onChoose={choose} />
      </fieldset>

      {replacePrompt ? (
        <div className="notice notice-warning" role="alertdialog" aria-labelledby="replace-text">
          <p id="replace-text">
            {[...remaining, ...added.map((a) => ({ personName: a.person.name, role: a.role }))]
              .filter((h) => h.role === "A")
              .map((h) => h.personName)
              .join(" and ")}{" "}
            is already accountable. A cell needs exactly one accountable person.
          </p>
          <div className="page-actions">
            <button type="button" className="button button-primary" onClick={() => replaceAccountable(replacePrompt)}>
              Replace with {replacePrompt.person.name}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setAdded((list) => [...list, replacePrompt]);
                setReplacePrompt(null);
              }}
            >
              Add as a second accountable
            </button>
            <button type="button" className="button button-quiet" onClick={() => setReplacePrompt(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      {dirty ? (
        <div className="cell-preview" data-testid="cell-preview" aria-live="polite">
          <strong>After saving:</strong> {preview.gaps.length === 0 ? <CoveredBadge /> : null}
          {preview.gaps.map((gap) => (
            <GapBadge key={gap.type} type={gap.type} severity={gap.severity} />
          ))}
          {preview.gaps.length > 0 ? <span className="muted"> You can still save: the gap will show in the report.</span> : null}
        </div>
      ) : null}

      <div aria-live="polite">
        {feedback ? (
          <div className={`notice ${feedback.kind === "success" ? "notice-success" : feedback.kind === "conflict" ? "notice-warning" : "notice-error"}`} role={feedback.kind === "success" ? "status" : "alert"} data-testid="cell-feedback">
            <p>{feedback.text}</p>
            {feedback.current ? (
              <>
                <p>Now on this cell:</p>
                <ul>
                  {feedback.current.map((holder) => (
                    <li key={holder.assignmentId}>
                      {holder.role} {holder.personName}
                    </li>
                  ))}
                  {feedback.current.length === 0 ? <li>nobody</li> : null}
                </ul>
                <button type="button" className="button button-secondary" onClick={() => router.refresh()}>
                  Start again from the current state
                </button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      <div className="page-actions">
        <button type="button" className="button button-primary" disabled={!dirty || saving} onClick={save}>
          {saving ? "Saving…" : "Save changes"}
        </button>
        {dirty ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setRemoved(new Set());
              setAdded([]);
              setFeedback(null);
            }}
          >
            Discard
          </button>
        ) : null}
      </div>
    </div>
  );
}
