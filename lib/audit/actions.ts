/**
 * Every action the audit trail records, each with what it changes of the figures kept between requests
 * (lib/cache/kept-figures.ts), so that they are brought up to date instead of computed again:
 * - "none": no cell changes (a review's draft, who manages it, a password);
 * - "cell": the one cell the event's `entityId` names (`assetKey/concernKey`), as of the moment it was made;
 * - "review-cells": the cells the review `entityId` decided (their latest decision is another one now);
 * - "everything": people, assets, the catalog, settings and imports can change any cell, today and in
 *   the past.
 * An event can only be recorded with an action listed here, so a new action must declare its effect.
 */
export type AuditEffect = "none" | "cell" | "review-cells" | "everything";

export const AUDIT_ACTION_EFFECTS = {
  "asset.created": "everything",
  "asset.updated": "everything",
  "asset.retired": "everything",
  "asset-kind.created": "everything",
  "concern.created": "everything",
  "concern.updated": "everything",
  "assignment.added": "cell",
  "assignment.ended": "cell",
  "assignment.confirmed": "cell",
  "review.opened": "none",
  "review.manager-assigned": "none",
  "review-item.decided": "none",
  "review-item.cleared": "none",
  "review.all-confirmed": "none",
  "review.submitted": "review-cells",
  "review.reopened": "review-cells",
  "person.created": "everything",
  "person.updated": "everything",
  "person.deactivated": "everything",
  // A summary beside the hand-over's own assignment.* events, which carry each cell's change.
  "person.cells-handed-over": "none",
  "person.reactivated": "everything",
  "person.password-set": "none",
  "person.password-changed": "none",
  "person.signed-out-everywhere": "none",
  "person.sso-linked": "none",
  "person.external-id-set": "none",
  "api-token.created": "none",
  "api-token.revoked": "none",
  "team.created": "everything",
  "team.updated": "everything",
  "team.external-id-set": "none",
  "settings.updated": "everything",
  "organisation.set-up": "everything",
  "invitation.sent": "none",
  "invitation.revoked": "none",
  "person.invitation-accepted": "none",
  "person.password-link-issued": "none",
  "person.password-reset-requested": "none",
  "person.password-reset": "none",
  "notification.read": "none",
  "notification.all-read": "none",
  "notification-preference.changed": "none",
  "import.applied": "everything",
  "chat-webhook.set": "none",
  "chat-webhook.removed": "none",
  "notification-defaults.updated": "none",
  "notification.test-sent": "none",
  "webhook-endpoint.created": "none",
  "webhook-endpoint.updated": "none",
  "webhook-endpoint.deleted": "none",
  "webhook-endpoint.secret-rolled": "none",
  "webhook-endpoint.test-sent": "none",
  "demo.seeded": "everything",
} as const satisfies Record<string, AuditEffect>;

export type AuditAction = keyof typeof AUDIT_ACTION_EFFECTS;

/** The effect of a recorded action; an action this version does not know (a newer one's) may change anything. */
export function effectOfAction(action: string): AuditEffect {
  return Object.hasOwn(AUDIT_ACTION_EFFECTS, action) ? AUDIT_ACTION_EFFECTS[action as AuditAction] : "everything";
}
