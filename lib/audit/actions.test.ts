import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_EFFECTS, effectOfAction } from "./actions";
import type { AuditEntry } from "./record";

describe("audit actions", () => {
  it("cannot be recorded unless they declare their effect (a type error, checked by npm run typecheck)", () => {
    // @ts-expect-error "asset.renamed" is not in AUDIT_ACTION_EFFECTS, so no event can be recorded with it.
    const undeclared: AuditEntry = { actorId: 1, action: "asset.renamed", entityType: "asset", entityId: "crm" };
    const declared: AuditEntry = { actorId: 1, action: "asset.updated", entityType: "asset", entityId: "crm" };
    expect([undeclared.action, declared.action]).toEqual(["asset.renamed", "asset.updated"]);
  });

  it("takes an action it does not know (recorded by a newer version) to change everything", () => {
    expect(effectOfAction("asset.renamed")).toBe("everything");
    expect(effectOfAction("toString")).toBe("everything");
    expect(effectOfAction("assignment.added")).toBe("cell");
  });

  it("names every action entity-first and dotted", () => {
    for (const action of Object.keys(AUDIT_ACTION_EFFECTS)) expect(action).toMatch(/^[a-z-]+\.[a-z-]+$/);
  });
});
