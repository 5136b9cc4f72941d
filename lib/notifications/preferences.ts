import type { Prisma } from "@/lib/db/generated/client";
import { KINDS, type ConfigurableKind, type PersonChannel } from "./kinds";

type Reader = Prisma.TransactionClient;

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
