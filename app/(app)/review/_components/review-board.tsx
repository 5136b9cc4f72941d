"use client";

import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { postJson } from "@/lib/api/post-json";
import type { WriteResult } from "@/lib/api/write-route";
import type { ReviewBoard as Board, BoardCell } from "@/lib/review/board";
import type { BoardPagination } from "@/lib/review/board-page";
import type { DecideResult } from "@/lib/review/item-actions";
import type { ItemView } from "@/lib/review/item-view";
import { groupByAsset } from "@/lib/review/review-cells";
import type { SubmitResult } from "@/lib/review/submit";
import styles from "../review.module.css";
import { CellRow, type DecisionPayload, type RowStatus } from "./cell-row";
import { CRITICALITY_LABEL, DECISION_DONE } from "./labels";
import { ReviewSummaryBar } from "./review-summary-bar";

interface Props {
  /** The board with the cells of one page. */
  board: Board;
  pagination: BoardPagination;
  showAllHref: string;
  showUndecidedHref: string;
  /** The page links, shown above the cells too (the page can run to hundreds of rows). */
  pager: ReactNode;
  userId: number;
  /** The server's clock at render time, so "days ago" reads the same on the server and in the browser. */
  now: Date;
}

type Announcement = { kind: "saved" | "failed"; text: string } | null;

const itemsOf = (board: Board) => new Map(board.cells.flatMap((cell) => (cell.item ? [[cell.key, cell.item] as const] : [])));

/**
 * The working review: every decision is a write of its own the moment it is made (autosave), so closing
 * the tab loses nothing and reloading shows the draft. The summary above follows the saved decisions.
 */
export function ReviewBoardView({ board, pagination, showAllHref, showUndecidedHref, pager, userId, now }: Props) {
  const router = useRouter();
  const { header } = board;
  const [items, setItems] = useState(() => itemsOf(board));
  // A refresh (after a refused submit, say) brings the server's list: new cells, others' decisions.
  const [shownBoard, setShownBoard] = useState(board);
  if (board !== shownBoard) {
    setShownBoard(board);
    setItems(itemsOf(board));
  }
  const [statuses, setStatuses] = useState<Record<string, RowStatus>>({});
  const [openForm, setOpenForm] = useState<{ key: string; kind: "change" | "flag" | "handoff" } | null>(null);
  const undecidedOnly = pagination.undecidedOnly;
  const [announcement, setAnnouncement] = useState<Announcement>(null);
  const [busy, setBusy] = useState(false);
  const [summaryError, setSummaryError] = useState<string | null>(null);

  // The page's own decisions as saved now, added to those of the other pages as the server counted them.
  const counts = useMemo(() => {
    const result = { ...pagination.decidedElsewhere };
    for (const cell of board.cells) {
      const item = items.get(cell.key);
      if (item) result[item.decision]++;
    }
    return result;
  }, [items, board.cells, pagination.decidedElsewhere]);
  const decided = counts.confirm + counts.change + counts.flag + counts.handoff;
  const shown = undecidedOnly ? board.cells.filter((cell) => !items.has(cell.key) || openForm?.key === cell.key) : board.cells;
  const groups = groupByAsset(shown);
  // A review nobody has written to yet has no row: its first write creates it (once, however many writes
  // are sent meanwhile), and the page is then read again to show it as it now exists.
  const opening = useRef<Promise<WriteResult<{ id: number }>> | null>(null);
  async function writeToReview<Data>(path: string, body: unknown, method: "POST" | "PUT" | "DELETE"): Promise<WriteResult<Data>> {
    if (header.id !== null) return postJson<Data>(`/api/reviews/${header.id}${path}`, body, method);
    const created = opening.current === null;
    opening.current ??= postJson<{ id: number }>("/api/reviews", { teamId: header.team.id, isoWeek: header.isoWeek }, "POST");
    const opened = await opening.current;
    if (!opened.ok) {
      opening.current = null;
      return opened;
    }
    const result = await postJson<Data>(`/api/reviews/${opened.data.id}${path}`, body, method);
    if (created) router.refresh();
    return result;
  }
  const setStatus = (key: string, status: RowStatus) => setStatuses((all) => ({ ...all, [key]: status }));

  async function decide(cell: BoardCell, payload: DecisionPayload): Promise<Record<string, string[]> | null> {
    setStatus(cell.key, { kind: "saving" });
    const result = await writeToReview<DecideResult>("/items", { assetKey: cell.assetKey, concernKey: cell.concernKey, ...payload }, "PUT");
    const label = `${cell.assetName} · ${cell.concernName}`;
    if (!result.ok) {
      setStatus(cell.key, { kind: "error", text: result.error });
      setAnnouncement({ kind: "failed", text: `Not saved: ${label}. ${result.error}` });
      return { ...result.fieldErrors, _: [result.error] };
    }
    setItems((all) => new Map(all).set(cell.key, result.data.item));
    setStatus(cell.key, { kind: "saved", replaced: result.data.replaced });
    setAnnouncement({ kind: "saved", text: `Saved: ${label} ${DECISION_DONE[payload.decision].toLowerCase()}.` });
    // Only this cell's form closes: another cell's form may have been opened while this one was saving.
    setOpenForm((open) => (open?.key === cell.key ? null : open));
    return null;
  }

  async function undo(cell: BoardCell) {
    setStatus(cell.key, { kind: "saving" });
    const result = await writeToReview<{ cleared: boolean }>("/items", { assetKey: cell.assetKey, concernKey: cell.concernKey }, "DELETE");
    if (!result.ok) {
      setStatus(cell.key, { kind: "error", text: result.error });
      setAnnouncement({ kind: "failed", text: `Not undone: ${result.error}` });
      return;
    }
    setItems((all) => {
      const next = new Map(all);
      next.delete(cell.key);
      return next;
    });
    setStatus(cell.key, { kind: "idle" });
    setAnnouncement({ kind: "saved", text: `Saved: ${cell.assetName} · ${cell.concernName} is undecided again.` });
  }

  async function confirmAll() {
    setBusy(true);
    setSummaryError(null);
    const result = await writeToReview<{ items: ItemView[] }>("/confirm-all", {}, "POST");
    setBusy(false);
    if (!result.ok) {
      // The alert below the summary says it; the status line would only repeat it.
      setSummaryError(result.error);
      setAnnouncement(null);
      return;
    }
    setItems((all) => {
      const next = new Map(all);
      for (const item of result.data.items) next.set(`${item.assetKey}/${item.concernKey}`, item);
      return next;
    });
    const n = result.data.items.length;
    setAnnouncement({ kind: "saved", text: `Saved: ${n} ${n === 1 ? "cell" : "cells"} confirmed.` });
    // Cells of other pages were confirmed too, and cells that entered the scope since the page loaded:
    // the server counts them again.
    router.refresh();
  }

  async function submit() {
    setBusy(true);
    setSummaryError(null);
    const result = await writeToReview<SubmitResult>("/submit", {}, "POST");
    setBusy(false);
    if (!result.ok) {
      setSummaryError(result.error);
      setAnnouncement(null);
      // The scope may have grown since the page loaded (a new asset, say): show the cells it names.
      router.refresh();
      return;
    }
    setAnnouncement({ kind: "saved", text: "Submitted. The review is read-only now." });
    router.refresh();
  }

  return (
    <>
      <ReviewSummaryBar
        header={header}
        now={now}
        decided={decided}
        total={pagination.totalCells}
        counts={counts}
        busy={busy}
        error={summaryError}
        announcement={announcement}
        onConfirmAll={confirmAll}
        onSubmit={submit}
      />
      {pagination.totalCells === 0 ? (
        <section className={`panel ${styles.empty}`}>
          <h2>Nothing to review this week</h2>
          <p className="muted">Nobody in {header.team.name} is accountable or responsible for a cell, and no uncovered cell or hand-off is waiting. Submit to record that.</p>
        </section>
      ) : (
        <div className={styles.toolbar}>
          <span className="muted">
            Grouped by asset, critical first. Each decision is saved as you make it.
          </span>
          {/* A link, not a checkbox: it works before the page's script has loaded, and the URL keeps the choice. */}
          <Link href={(undecidedOnly ? showAllHref : showUndecidedHref) as Route} className="button button-quiet" data-testid="undecided-toggle">
            {undecidedOnly ? "Show all cells" : "Show undecided cells only"}
          </Link>
        </div>
      )}
      {pager}
      {undecidedOnly && pagination.totalCells > 0 && groups.length === 0 ? (
        <p className="notice" data-testid="page-all-decided">
          Every cell on this page is decided.{pagination.page < pagination.pageCount ? " The next page may still have undecided cells." : ""}
        </p>
      ) : null}
      {groups.map((group) => {
        const first = group.cells[0]!;
        const all = board.cells.filter((cell) => cell.assetId === group.assetId);
        const done = all.filter((cell) => items.has(cell.key)).length;
        return (
          <section key={group.assetId} className={styles.group} aria-labelledby={`asset-${group.assetId}`} data-testid="review-asset">
            <header className={styles.groupHeader}>
              <h2 id={`asset-${group.assetId}`}>
                <Link href={`/assets/${first.assetKey}` as Route}>{first.assetName}</Link>
              </h2>
              <span className={`${styles.crit} ${styles[`crit-${first.criticality}`]}`}>{CRITICALITY_LABEL[first.criticality]}</span>
              <span className="muted">{first.assetKind}</span>
              <span className={`${styles.groupCount} ${done === all.length ? styles.groupDone : ""}`}>
                {done === all.length ? "✓ " : ""}
                {done} of {all.length} decided
              </span>
            </header>
            <table className={styles.cells}>
              <thead>
                <tr>
                  <th scope="col" className={styles.colConcern}>Concern</th>
                  <th scope="col" className={styles.colHolders}>Holders</th>
                  <th scope="col" className={styles.colConfirmed}>Last confirmed</th>
                  <th scope="col" className={styles.colGaps}>Open gaps</th>
                  <th scope="col" className={styles.colDecision}>Your decision</th>
                </tr>
              </thead>
              <tbody>
                {group.cells.map((cell) => (
                  <CellRow
                    key={cell.key}
                    cell={cell}
                    item={items.get(cell.key) ?? null}
                    status={statuses[cell.key] ?? { kind: "idle" }}
                    openKind={openForm?.key === cell.key ? openForm.kind : null}
                    timeZone={header.timeZone}
                    now={now}
                    userId={userId}
                    people={board.people}
                    teams={board.teams}
                    onOpen={(kind) => setOpenForm(kind ? { key: cell.key, kind } : null)}
                    onDecide={(payload) => decide(cell, payload)}
                    onUndo={() => undo(cell)}
                  />
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
