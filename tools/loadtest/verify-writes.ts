import { cellVersion } from "@/lib/ownership/cell-version";
import type { AcknowledgedCellEdit } from "./cell-toggle";

/**
 * The check after the run: every write the server acknowledged (200 with `ok: true`) is in the
 * database, and every write it refused left nothing behind.
 *
 * Cell edits: an added assignment exists with its person and role, an ended one is ended (history is
 * never deleted, so each write stays checkable), and each cell's current assignments are exactly the
 * version its last acknowledged edit returned. Review decisions replace each other on the same cell, so
 * each one is found in the audit trail (written in the same transaction) by its unique note, and the
 * stored item equals the last acknowledged decision. The plan gives each cell and each review item one
 * writer sending one request at a time (tools/loadtest/partition.ts): the last acknowledgement is then
 * the last commit. When a write of a key got no answer (or a 5xx) its outcome is unknown, so that key's
 * final state is not compared (the run fails anyway).
 */

export interface AcknowledgedDecision {
  reviewId: number;
  cell: string;
  decision: "confirm" | "flag" | "change";
  note: string;
  flagReason: string | null;
  accountableId: number | null;
}

export type RefusedWrite =
  | { kind: "cell-edit"; cell: string; personId: number }
  | { kind: "review-decision"; reviewId: number; cell: string; note: string };

export interface WriteLog {
  cellEdits: AcknowledgedCellEdit[];
  decisions: AcknowledgedDecision[];
  refused: RefusedWrite[];
  /** `writeKey`s of writes whose outcome is unknown. */
  unanswered: Set<string>;
}

export interface StoredAssignment {
  id: number;
  cell: string;
  personId: number;
  role: string;
  ended: boolean;
}

export interface StoredDecision {
  reviewId: number;
  cell: string;
  decision: string;
  note: string | null;
  flagReason: string | null;
  accountableId: number | null;
}

export interface AuditedDecision {
  reviewId: number;
  cell: string;
  decision: string;
  note: string | null;
}

export interface StoredWrites {
  assignments: StoredAssignment[];
  decisions: StoredDecision[];
  auditedDecisions: AuditedDecision[];
}

export interface WriteVerification {
  acknowledged: number;
  /** Acknowledged writes not found in the database. */
  missing: number;
  finalStates: number;
  /** Keys whose stored state is not their last acknowledged write. */
  finalMismatches: number;
  refused: number;
  /** Refused writes that left something behind. */
  leftBehind: number;
  failures: string[];
  /** Keys whose final state was not compared, and why. */
  skipped: string[];
}

export function writeKey(write: { reviewId?: number; cell: string }): string {
  return write.reviewId === undefined ? `cell ${write.cell}` : `review ${write.reviewId} item ${write.cell}`;
}

export function createWriteLog(): WriteLog {
  return { cellEdits: [], decisions: [], refused: [], unanswered: new Set() };
}

export function verifyWrites(log: WriteLog, stored: StoredWrites): WriteVerification {
  const result: WriteVerification = {
    acknowledged: 0,
    missing: 0,
    finalStates: 0,
    finalMismatches: 0,
    refused: 0,
    leftBehind: 0,
    failures: [],
    skipped: [],
  };
  verifyCellEdits(log, stored, result);
  verifyDecisions(log, stored, result);
  verifyRefused(log, stored, result);
  return result;
}

function verifyCellEdits(log: WriteLog, stored: StoredWrites, result: WriteVerification) {
  const byId = new Map(stored.assignments.map((assignment) => [assignment.id, assignment]));
  for (const edit of log.cellEdits) {
    result.acknowledged++;
    if (edit.action === "add") {
      if (edit.addedIds.length !== 1) {
        result.missing++;
        result.failures.push(
          `${writeKey(edit)}: the add went from version ${edit.versionBefore} to ${edit.versionAfter}, not one new assignment.`,
        );
        continue;
      }
      const added = byId.get(edit.addedIds[0]!);
      if (!added || added.cell !== edit.cell || added.personId !== edit.personId || added.role !== "I") {
        result.missing++;
        result.failures.push(
          `${writeKey(edit)}: assignment ${edit.addedIds[0]} was acknowledged as added but is not in the database.`,
        );
      }
    } else {
      const ended = byId.get(edit.assignmentId);
      if (!ended || ended.cell !== edit.cell || !ended.ended) {
        result.missing++;
        result.failures.push(
          `${writeKey(edit)}: assignment ${edit.assignmentId} was acknowledged as ended but is not ended in the database.`,
        );
      }
    }
  }
  for (const last of lastOfEachKey(log.cellEdits)) {
    const key = writeKey(last);
    if (log.unanswered.has(key)) {
      result.skipped.push(`${key}: one of its writes got no answer, so its final state is unknown`);
      continue;
    }
    result.finalStates++;
    const current = cellVersion(
      stored.assignments.filter((a) => a.cell === last.cell && !a.ended).map((a) => a.id),
    );
    if (current !== last.versionAfter) {
      result.finalMismatches++;
      result.failures.push(
        `${key}: the database holds assignments ${current}; the last acknowledged edit left ${last.versionAfter}.`,
      );
    }
  }
}

function verifyDecisions(log: WriteLog, stored: StoredWrites, result: WriteVerification) {
  const audited = new Set(stored.auditedDecisions.map((event) => decisionFingerprint(event)));
  for (const decision of log.decisions) {
    result.acknowledged++;
    if (!audited.has(decisionFingerprint(decision))) {
      result.missing++;
      result.failures.push(
        `${writeKey(decision)}: the acknowledged "${decision.decision}" (${decision.note}) is not in the audit trail.`,
      );
    }
  }
  const items = new Map(stored.decisions.map((item) => [writeKey(item), item]));
  for (const last of lastOfEachKey(log.decisions)) {
    const key = writeKey(last);
    if (log.unanswered.has(key)) {
      result.skipped.push(`${key}: one of its writes got no answer, so its final state is unknown`);
      continue;
    }
    result.finalStates++;
    const item = items.get(key);
    const expected = `${last.decision} (${last.note}, flag ${last.flagReason ?? "none"}, accountable ${last.accountableId ?? "none"})`;
    const found = item
      ? `${item.decision} (${item.note}, flag ${item.flagReason ?? "none"}, accountable ${item.accountableId ?? "none"})`
      : "nothing";
    if (found === expected) continue;
    result.finalMismatches++;
    result.failures.push(
      `${key}: the database holds ${found}; the last acknowledged decision was ${expected}.`,
    );
  }
}

function verifyRefused(log: WriteLog, stored: StoredWrites, result: WriteVerification) {
  const acknowledgedAdds = new Set(
    log.cellEdits.flatMap((edit) => (edit.action === "add" ? edit.addedIds : [])),
  );
  const notes = new Set([
    ...stored.decisions.map((item) => item.note),
    ...stored.auditedDecisions.map((event) => event.note),
  ]);
  for (const refused of log.refused) {
    result.refused++;
    if (refused.kind === "cell-edit") {
      const left = stored.assignments.find(
        (a) =>
          a.cell === refused.cell &&
          a.personId === refused.personId &&
          a.role === "I" &&
          !acknowledgedAdds.has(a.id) &&
          !a.ended,
      );
      if (!left) continue;
      result.leftBehind++;
      result.failures.push(`${writeKey(refused)}: a refused edit left assignment ${left.id} behind.`);
    } else if (notes.has(refused.note)) {
      result.leftBehind++;
      result.failures.push(`${writeKey(refused)}: a refused decision (${refused.note}) is in the database.`);
    }
  }
}

function decisionFingerprint(decision: {
  reviewId: number;
  cell: string;
  decision: string;
  note: string | null;
}): string {
  return JSON.stringify([decision.reviewId, decision.cell, decision.decision, decision.note]);
}

function lastOfEachKey<Write extends { reviewId?: number; cell: string }>(writes: readonly Write[]): Write[] {
  const last = new Map<string, Write>();
  for (const write of writes) last.set(writeKey(write), write);
  return [...last.values()];
}
