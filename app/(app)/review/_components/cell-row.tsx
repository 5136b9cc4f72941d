"use client";

import { useEffect, useRef } from "react";
import { CoveredBadge, GapBadge } from "@/components/ui/gap-badge";
import type { PersonOption } from "@/lib/ownership/cell-detail";
import type { BoardCell } from "@/lib/review/board";
import { formatDate, formatDaysAgo, formatMoment } from "@/lib/review/format";
import type { ItemView } from "@/lib/review/item-view";
import type { ReviewDecision } from "@/lib/rules";
import { FLAG_REASON_LABEL, type FlagReasonKey } from "@/lib/review/schemas";
import styles from "../review.module.css";
import { ChangeForm } from "./change-form";
import { FlagForm, HandoffForm } from "./flag-handoff-forms";
import { DECISION_ACTION, DECISION_DONE, DECISION_MARK, HOME_LABEL, ROLE_LABEL } from "./labels";

export type DecisionPayload =
  | { decision: "confirm" }
  | { decision: "change"; accountableId: number; responsibleIds: number[]; note: string }
  | { decision: "flag"; flagReason: FlagReasonKey; note: string }
  | { decision: "handoff"; handoffTeamId: number; note: string };

export type RowStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; replaced: { decision: ReviewDecision; byName: string | null; at: Date | string } | null }
  | { kind: "error"; text: string };

type FormKind = "change" | "flag" | "handoff";

interface Props {
  cell: BoardCell;
  item: ItemView | null;
  status: RowStatus;
  openKind: FormKind | null;
  timeZone: string;
  now: Date;
  userId: number;
  people: PersonOption[];
  teams: { id: number; name: string }[];
  onOpen: (kind: FormKind | null) => void;
  /** Resolves to the refusal's field errors, or null once saved. */
  onDecide: (payload: DecisionPayload) => Promise<Record<string, string[]> | null>;
  onUndo: () => void;
}

const KINDS: ReviewDecision[] = ["confirm", "change", "flag", "handoff"];

/** One cell of the review: what it holds now, and the decision on it (saved the moment it is made). */
export function CellRow({ cell, item, status, openKind, timeZone, now, userId, people, teams, onOpen, onDecide, onUndo }: Props) {
  const saving = status.kind === "saving";
  const buttons = useRef(new Map<ReviewDecision, HTMLButtonElement>());
  const wasOpen = useRef<FormKind | null>(null);
  // When a form closes (saved, cancelled or Escape), the keyboard goes back to the button that opened it.
  useEffect(() => {
    if (wasOpen.current && !openKind) buttons.current.get(wasOpen.current)?.focus();
    wasOpen.current = openKind;
  }, [openKind]);
  const label = `${cell.assetName} · ${cell.concernName}`;
  const choose = (kind: ReviewDecision) => {
    if (kind === "confirm") {
      if (item?.decision !== "confirm") void onDecide({ decision: "confirm" });
      onOpen(null);
      return;
    }
    onOpen(openKind === kind ? null : kind);
  };

  return (
    <>
      <tr className={styles.row} data-cell={cell.key} data-decided={item ? "true" : "false"} data-testid="review-cell">
        <th scope="row">
          <span className={styles.concernName}>{cell.concernName}</span>
          <span className={`${styles.home} ${styles[`home-${cell.concernHome}`]}`}>{HOME_LABEL[cell.concernHome]}</span>
          {cell.handoffs.map((handoff, index) => (
            <p key={index} className={styles.handoffIn} data-testid="incoming-handoff">
              ↪ Handed over by {handoff.fromTeamName}
              {handoff.byName ? ` (${handoff.byName})` : ""}
              {handoff.note ? `: “${handoff.note}”` : ""}
            </p>
          ))}
        </th>
        <td>
          <ul className={styles.holders} aria-label={`Holders of ${label}`}>
            {cell.holders.length === 0 ? <li className={styles.never}>Nobody holds it</li> : null}
            {cell.holders.map((holder) => (
              <li key={`${holder.personId}:${holder.role}`} className={holder.role === "C" || holder.role === "I" ? styles.minor : undefined}>
                <span className={`${styles.chip} ${styles[`chip-${holder.role}`]}`} title={ROLE_LABEL[holder.role]} aria-label={ROLE_LABEL[holder.role]}>
                  {holder.role}
                </span>
                <span>
                  {holder.name}
                  {holder.active ? "" : <span className={styles.left}> (left)</span>}
                </span>
              </li>
            ))}
          </ul>
        </td>
        <td>
          {cell.lastConfirmedAt ? (
            <>
              {formatDate(cell.lastConfirmedAt, timeZone)}
              <br />
              <span className={styles.minor}>{formatDaysAgo(cell.lastConfirmedAt, now, timeZone)}</span>
            </>
          ) : (
            <span className={styles.never}>{cell.holders.some((h) => h.role === "A") ? "Never" : "No accountable"}</span>
          )}
        </td>
        <td>
          {cell.gaps.length === 0 ? <CoveredBadge /> : cell.gaps.map((gap) => <GapBadge key={gap.type} type={gap.type} severity={gap.severity} />)}
        </td>
        <td>
          <div className={styles.choices} role="group" aria-label={`Decision on ${label}`}>
            {KINDS.map((kind) => (
              <button
                key={kind}
                ref={(element) => {
                  if (element) buttons.current.set(kind, element);
                }}
                type="button"
                className={`${styles.choice} ${styles[`choice-${kind}`]}`}
                aria-pressed={item?.decision === kind}
                aria-expanded={kind === "confirm" ? undefined : openKind === kind}
                disabled={saving}
                onClick={() => choose(kind)}
              >
                <span aria-hidden="true">{DECISION_MARK[kind]}</span> {DECISION_ACTION[kind]}
              </button>
            ))}
          </div>
          {item ? (
            <DecisionDetail item={item} label={label} timeZone={timeZone} userId={userId} onUndo={onUndo} disabled={saving}>
              <RowStatusLine status={status} timeZone={timeZone} />
            </DecisionDetail>
          ) : (
            <RowStatusLine status={status} timeZone={timeZone} />
          )}
        </td>
      </tr>
      {openKind ? (
        <tr className={styles.formRow}>
          <td colSpan={5}>
            {openKind === "change" ? (
              <ChangeForm cell={cell} item={item} people={people} onSave={onDecide} onCancel={() => onOpen(null)} />
            ) : openKind === "flag" ? (
              <FlagForm cell={cell} item={item} onSave={onDecide} onCancel={() => onOpen(null)} />
            ) : (
              <HandoffForm cell={cell} item={item} teams={teams} onSave={onDecide} onCancel={() => onOpen(null)} />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

interface DetailProps {
  item: ItemView;
  label: string;
  timeZone: string;
  userId: number;
  onUndo: () => void;
  disabled: boolean;
  children: React.ReactNode;
}

function DecisionDetail({ item, label, timeZone, userId, onUndo, disabled, children }: DetailProps) {
  const mine = item.decidedById === userId;
  return (
    <>
      {item.decision === "change" ? (
        <p className={styles.decisionDetail}>
          New owners: {item.newOwners.map((owner) => `${owner.role} ${owner.name}`).join(", ")}
          {item.note ? ` · “${item.note}”` : ""}
        </p>
      ) : null}
      {item.decision === "flag" ? (
        <p className={styles.decisionDetail}>
          {item.flagReason ? FLAG_REASON_LABEL[item.flagReason] : "Flagged"}
          {item.note ? `: “${item.note}”` : ""}
        </p>
      ) : null}
      {item.decision === "handoff" ? (
        <p className={styles.decisionDetail}>
          To {item.handoffTeam?.name ?? "another team"}
          {item.note ? `: “${item.note}”` : ""}
        </p>
      ) : null}
      {item.decision === "confirm" && item.note ? <p className={styles.decisionDetail}>“{item.note}”</p> : null}
      <p className={styles.decisionMeta} data-testid="decision-meta">
        {mine ? (
          <span>
            <strong className={styles[`done-${item.decision}`]}>{DECISION_MARK[item.decision]} {DECISION_DONE[item.decision]}</strong> by you at {formatMoment(item.decidedAt, timeZone)}
          </span>
        ) : (
          <span>
            <strong className={styles[`done-${item.decision}`]}>{DECISION_MARK[item.decision]} {DECISION_DONE[item.decision]}</strong> ·{" "}
            <span className={styles.byOther}>
              Changed by {item.decidedByName ?? "someone"} at {formatMoment(item.decidedAt, timeZone)}
            </span>
          </span>
        )}
        <button type="button" className={styles.undo} onClick={onUndo} disabled={disabled} aria-label={`Undo decision on ${label}`}>
          Undo
        </button>
        {children}
      </p>
    </>
  );
}

function RowStatusLine({ status, timeZone }: { status: RowStatus; timeZone: string }) {
  if (status.kind === "error") {
    return (
      <span className={`${styles.rowStatus} ${styles.failed}`} role="alert">
        Not saved: {status.text}
      </span>
    );
  }
  // A plain save needs no words here: the pressed button and the line above show it, and the summary
  // bar announces it. Saving, and replacing someone else's decision, are worth saying at the cell.
  return (
    <span className={`${styles.rowStatus} ${status.kind === "saved" ? styles.byOther : "muted"}`} data-testid="row-status">
      {status.kind === "saving" ? "Saving…" : null}
      {status.kind === "saved" && status.replaced
        ? `You replaced ${status.replaced.byName ?? "someone"}'s decision (${DECISION_DONE[status.replaced.decision].toLowerCase()}, ${formatMoment(status.replaced.at, timeZone)}).`
        : null}
    </span>
  );
}
