"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postJson } from "@/lib/api/post-json";
import type { HandOverResult } from "@/lib/people/succession";
import type { SuccessionCell, SuccessionView } from "@/lib/people/succession-queries";
import type { SuggestedSuccessor } from "@/lib/rules/successors";
import styles from "./succession.module.css";

const cellId = (cell: Pick<SuccessionCell, "assetKey" | "concernKey" | "role">) => `${cell.assetKey}/${cell.concernKey}/${cell.role}`;

function describeReason(suggestion: SuggestedSuccessor, concernName: string): string {
  switch (suggestion.reason) {
    case "responsible-here":
      return "already responsible here";
    case "consulted-here":
      return "consulted here";
    case "same-concern":
      return `on ${concernName} for ${suggestion.otherAssets} other ${suggestion.otherAssets === 1 ? "asset" : "assets"}`;
    case "team-manager":
      return "manages their team";
  }
}

/**
 * The leaver's A and R cells by asset, each with its suggested successor. With `editable`, every cell can be
 * unticked or given another successor, "Everything to" sets them all, and one button hands the ticked ones
 * over in one write; the answer lists any cell skipped because it changed meanwhile.
 */
export function SuccessionForm({ personId, view, editable }: { personId: number; view: SuccessionView; editable: boolean }) {
  const router = useRouter();
  const cells = view.assets.flatMap((asset) => asset.cells);
  const suggested = () => new Map(cells.map((cell) => [cellId(cell), cell.suggestions[0]?.personId ?? null]));
  const [successorOf, setSuccessorOf] = useState<Map<string, number | null>>(suggested);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(cells.map(cellId)));
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ error?: string; done?: string; conflicts?: HandOverResult["conflicts"] } | null>(null);
  const nameOf = new Map(view.successors.map((person) => [person.id, person.name]));
  // Counted on the cells still listed: after a partial hand-over the page reloads them without the moved ones.
  const picked = cells.filter((cell) => chosen.has(cellId(cell)));

  function setEveryone(value: string) {
    setSuccessorOf(value === "" ? suggested() : new Map(cells.map((cell) => [cellId(cell), Number(value)])));
  }

  async function submit() {
    const missing = picked.find((cell) => successorOf.get(cellId(cell)) == null);
    if (missing) {
      setMessage({ error: `Choose a successor for ${missing.concernName} on ${view.assets.find((a) => a.assetKey === missing.assetKey)?.assetName}.` });
      return;
    }
    setPending(true);
    setMessage(null);
    const body = { cells: picked.map((cell) => ({ assetKey: cell.assetKey, concernKey: cell.concernKey, role: cell.role, successorId: successorOf.get(cellId(cell))! })) };
    const result = await postJson<HandOverResult>(`/api/people/${personId}/succession`, body);
    setPending(false);
    if (!result.ok) {
      setMessage({ error: result.error });
      return;
    }
    const moved = result.data.moved.length;
    setMessage({ done: `Handed over ${moved} ${moved === 1 ? "cell" : "cells"}.`, conflicts: result.data.conflicts });
    router.refresh();
  }

  return (
    <div>
      {editable && cells.length > 0 ? (
        <div className={styles.toolbar}>
          <label className="field">
            Everything to
            <select defaultValue="" onChange={(event) => setEveryone(event.target.value)} data-testid="successor-for-all">
              <option value="">The suggested successor of each cell</option>
              {view.successors.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                  {person.teamName ? ` (${person.teamName})` : ""}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button-primary" disabled={pending || picked.length === 0} onClick={submit} data-testid="hand-over">
            {pending ? "Handing over…" : `Hand over ${picked.length} ${picked.length === 1 ? "cell" : "cells"}`}
          </button>
        </div>
      ) : null}
      <div aria-live="polite">
        {message?.error ? <p role="alert" className="notice notice-error">{message.error}</p> : null}
        {message?.done ? (
          <div className="notice notice-success" data-testid="hand-over-result">
            {message.done}
            {message.conflicts && message.conflicts.length > 0 ? (
              <ul className={styles.conflicts}>
                {message.conflicts.map((conflict) => (
                  <li key={cellId(conflict)}>
                    {conflict.assetKey} / {conflict.concernKey} ({conflict.role}): {conflict.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {view.assets.map((asset) => (
        <div key={asset.assetKey} className={styles.assetGroup} data-testid="succession-asset">
          <h3>{asset.assetName}</h3>
          <div className="table-wrap">
            <table className={`data-table ${styles.table}`}>
              <thead>
                <tr>
                  {editable ? <th scope="col" className={styles.checkCell}><span className="visually-hidden">Hand over</span></th> : null}
                  <th scope="col">Concern</th>
                  <th scope="col">Role</th>
                  <th scope="col">Successor</th>
                </tr>
              </thead>
              <tbody>
                {asset.cells.map((cell) => {
                  const id = cellId(cell);
                  const successor = successorOf.get(id) ?? null;
                  const suggestion = cell.suggestions.find((s) => s.personId === successor);
                  const reason = successor === null ? "nobody in their team to suggest" : suggestion ? describeReason(suggestion, cell.concernName) : "";
                  return (
                    <tr key={id} data-testid="succession-cell">
                      {editable ? (
                        <td className={styles.checkCell}>
                          <input
                            type="checkbox"
                            aria-label={`Hand over ${cell.concernName} (${cell.role})`}
                            checked={chosen.has(id)}
                            onChange={(event) => {
                              const next = new Set(chosen);
                              if (event.target.checked) next.add(id);
                              else next.delete(id);
                              setChosen(next);
                            }}
                          />
                        </td>
                      ) : null}
                      <td>{cell.concernName}</td>
                      <td>{cell.role}</td>
                      <td className={styles.wide}>
                        {editable ? (
                          <select
                            className={styles.successor}
                            aria-label={`Successor for ${cell.concernName} (${cell.role})`}
                            value={successor ?? ""}
                            onChange={(event) => setSuccessorOf(new Map(successorOf).set(id, event.target.value === "" ? null : Number(event.target.value)))}
                          >
                            <option value="">Choose…</option>
                            {view.successors.map((person) => (
                              <option key={person.id} value={person.id}>
                                {person.name}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span>{successor === null ? "No suggestion" : nameOf.get(successor)}</span>
                        )}{" "}
                        <span className={styles.reason} data-testid="successor-reason">{reason}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </div>
  );
}
