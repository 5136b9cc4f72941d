import type { NotificationKind } from "@/lib/db/generated/client";

/**
 * What Tandem tells people, and where by default. A person's choice (per kind and channel) wins over the
 * organisation's default, which wins over these. Chat goes to channels, not people: a kind with `chat` posts to
 * the team's channel (or the organisation's) when one is set.
 */

export type PersonChannel = "in-app" | "mail";
export const PERSON_CHANNELS: readonly PersonChannel[] = ["in-app", "mail"];

export interface KindInfo {
  label: string;
  /** Who gets it and when, for the preference screens. */
  description: string;
  defaults: Record<PersonChannel, boolean>;
  /** Posted to chat channels too. */
  chat: boolean;
}

export const KINDS: Record<Exclude<NotificationKind, "test">, KindInfo> = {
  week_opened: { label: "The week's review opens", description: "Monday: your team's review, its size, the hand-offs you received and the gaps new since last week.", defaults: { "in-app": true, mail: true }, chat: true },
  review_reminder: { label: "Review reminder", description: "Before the due time, while your team's review is not submitted.", defaults: { "in-app": true, mail: true }, chat: false },
  review_overdue: { label: "Review overdue", description: "When a review is past its due time: its manager and the admins.", defaults: { "in-app": true, mail: true }, chat: true },
  handoff_received: { label: "Hand-off received", description: "When another team's submitted review hands cells to your team.", defaults: { "in-app": true, mail: true }, chat: true },
  ownership_assigned: { label: "You were made accountable or responsible", description: "Cells you now hold A or R on, at most one message an hour.", defaults: { "in-app": true, mail: true }, chat: false },
  holder_left: { label: "A holder left", description: "Someone left who holds A or R on cells of your team (admins: of any team).", defaults: { "in-app": true, mail: true }, chat: true },
  weekly_digest: { label: "Weekly digest", description: "Monday: coverage now and a week ago, the top gaps and hotspots, the teams overdue. Opt in.", defaults: { "in-app": false, mail: false }, chat: false },
};

export type ConfigurableKind = keyof typeof KINDS;
export const CONFIGURABLE_KINDS = Object.keys(KINDS) as ConfigurableKind[];
