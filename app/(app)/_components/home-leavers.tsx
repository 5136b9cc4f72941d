import type { Route } from "next";
import Link from "next/link";
import type { LeaverToHandOver } from "@/lib/home/leavers";

/** For admins and managers: who has left with cells still to hand over, each linking to their succession. */
export function HomeLeavers({ leavers }: { leavers: LeaverToHandOver[] }) {
  return (
    <section aria-labelledby="leavers-heading" className="panel" data-testid="home-leavers">
      <h2 id="leavers-heading">Leavers to hand over</h2>
      {leavers.length === 0 ? (
        <p className="muted">Nobody who has left still holds A or R on a cell.</p>
      ) : (
        <ul className="home-leavers">
          {leavers.map((leaver) => (
            <li key={leaver.id} data-testid="home-leaver">
              <Link href={`/people/${leaver.id}#succession` as Route}>{leaver.name}</Link>
              {leaver.teamName ? <span className="muted"> · {leaver.teamName}</span> : null}{" "}
              <span className="gap-badge severity-critical">
                {leaver.cells} {leaver.cells === 1 ? "cell" : "cells"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
