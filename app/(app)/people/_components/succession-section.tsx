import type { SuccessionView } from "@/lib/people/succession-queries";
import { SuccessionForm } from "./succession-form";

/**
 * Issue 18, item 3: the succession of someone who has left, or who is leaving (opened from their page's
 * header). It stays on the page once everything is handed over, so the form can say what it did and which
 * cells it skipped.
 */
export function SuccessionSection({
  personId,
  name,
  left,
  view,
  editable,
}: {
  personId: number;
  name: string;
  left: boolean;
  view: SuccessionView;
  editable: boolean;
}) {
  return (
    <section className="panel" id="succession" aria-labelledby="succession-heading" data-testid="succession">
      <h2 id="succession-heading">Succession</h2>
      {view.cellCount === 0 ? (
        <p className="muted" data-testid="succession-done">{name} holds no A or R role on a cell in scope: nothing is left to hand over.</p>
      ) : (
        <p className="muted">
          {name} {left ? "still holds" : "holds"} A or R on {view.cellCount} {view.cellCount === 1 ? "cell" : "cells"}. Each is shown with a suggested successor:
          someone of their team already on the cell, then on the same concern elsewhere, then their team&apos;s manager.
          {editable ? " Handing over ends their assignment and starts the successor's in the same role, today." : ""}
        </p>
      )}
      <SuccessionForm personId={personId} view={view} editable={editable} />
    </section>
  );
}
