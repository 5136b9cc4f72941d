import { recordAudit } from "@/lib/audit/record";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { CONFIGURABLE_KINDS, KINDS, type ConfigurableKind, type PersonChannel } from "./kinds";
import type { PreferenceChange } from "./schemas";

type Reader = Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

/** Who wants what: for each person, each kind and channel, whether it is on (their choice, else the organisation's, else Tandem's). */
export type PreferenceLookup = (personId: number, kind: ConfigurableKind, channel: PersonChannel) => boolean;

export async function loadPreferences(db: Reader, personIds: readonly number[]): Promise<PreferenceLookup> {
  const [own, defaults] = await Promise.all([
    personIds.length ? db.notificationPreference.findMany({ where: { personId: { in: [...personIds] } } }) : [],
    db.notificationDefault.findMany(),
  ]);
  const ownMap = new Map(own.map((row) => [`${row.personId}:${row.kind}:${row.channel}`, row.enabled]));
  const defaultMap = new Map(defaults.map((row) => [`${row.kind}:${row.channel}`, row.enabled]));
  return (personId, kind, channel) => ownMap.get(`${personId}:${kind}:${channel}`) ?? defaultMap.get(`${kind}:${channel}`) ?? KINDS[kind].defaults[channel];
}

/** One toggle of the preference screen: what is on now, and what would be without the person's own choice. */
export interface ChannelChoice {
  enabled: boolean;
  /** The organisation's default (or Tandem's, when the organisation set none). */
  orgDefault: boolean;
  /** True when the person chose this themselves. */
  chosen: boolean;
}

export interface KindChoices {
  kind: ConfigurableKind;
  label: string;
  description: string;
  channels: Record<PersonChannel, ChannelChoice>;
}

/** Every configurable kind with the person's choices and the defaults they fall back to, for My account. */
export async function listPreferenceChoices(personId: number, db: Reader = getPrisma()): Promise<KindChoices[]> {
  const [own, defaults] = await Promise.all([db.notificationPreference.findMany({ where: { personId } }), db.notificationDefault.findMany()]);
  const ownMap = new Map(own.map((row) => [`${row.kind}:${row.channel}`, row.enabled]));
  const defaultMap = new Map(defaults.map((row) => [`${row.kind}:${row.channel}`, row.enabled]));
  return CONFIGURABLE_KINDS.map((kind) => {
    const choiceOf = (channel: PersonChannel): ChannelChoice => {
      const orgDefault = defaultMap.get(`${kind}:${channel}`) ?? KINDS[kind].defaults[channel];
      const mine = ownMap.get(`${kind}:${channel}`);
      return { enabled: mine ?? orgDefault, orgDefault, chosen: mine !== undefined };
    };
    return { kind, label: KINDS[kind].label, description: KINDS[kind].description, channels: { "in-app": choiceOf("in-app"), mail: choiceOf("mail") } };
  });
}

/**
 * Stores the person's choices (a choice equal to the default is stored too: from then on it no longer follows the
 * organisation's default) and records one audit event with the toggles stored, as they were in effect before and
 * as they are now. A choice the person had made already is left alone. Returns how many toggles were stored.
 */
export async function savePreferences(tx: Tx, personId: number, changes: readonly PreferenceChange[], actorId: number): Promise<{ stored: number }> {
  const [wants, own] = await Promise.all([loadPreferences(tx, [personId]), tx.notificationPreference.findMany({ where: { personId } })]);
  const ownMap = new Map(own.map((row) => [`${row.kind}:${row.channel}`, row.enabled]));
  const toStore = changes.filter((change) => ownMap.get(`${change.kind}:${change.channel}`) !== change.enabled);
  if (toStore.length === 0) return { stored: 0 };
  for (const { kind, channel, enabled } of toStore) {
    await tx.notificationPreference.upsert({ where: { personId_kind_channel: { personId, kind, channel } }, create: { personId, kind, channel, enabled }, update: { enabled } });
  }
  await recordAudit(tx, {
    actorId,
    action: "notification-preference.changed",
    entityType: "person",
    entityId: personId,
    before: toStore.map(({ kind, channel }) => ({ kind, channel, enabled: wants(personId, kind, channel) })),
    after: toStore,
  });
  return { stored: toStore.length };
}
