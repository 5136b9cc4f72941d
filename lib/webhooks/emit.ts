import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/db/generated/client";
import type { TEST_EVENT_TYPE, WebhookEventType } from "./event-types";

type Tx = Prisma.TransactionClient;

/**
 * Writing webhook events into the outbox, in the transaction of the write they describe, so an event exists
 * exactly when its cause committed. A write first asks which enabled endpoints subscribe to the types it may
 * emit (one query on the GIN index of `events`); with none it builds nothing and writes nothing, so an
 * organisation without webhooks pays one query per write. Events and their deliveries are inserted a chunk
 * at a time, never a row per round trip: an import may emit thousands.
 */

export type EmittedType = WebhookEventType | typeof TEST_EVENT_TYPE;

export interface EventToEmit {
  type: EmittedType;
  /** Named as the CSV columns of DESIGN section 6 where those exist (asset_key, person_email, ...). */
  data: Record<string, unknown>;
}

const CHUNK = 1_000;

/** The enabled endpoints subscribed to each type asked about. */
export class Subscribers {
  constructor(private readonly byType: ReadonlyMap<string, readonly number[]>) {}
  wants(type: EmittedType): boolean {
    return (this.byType.get(type)?.length ?? 0) > 0;
  }
  wantsAny(): boolean {
    return this.byType.size > 0;
  }
  endpointsFor(type: EmittedType): readonly number[] {
    return this.byType.get(type) ?? [];
  }
}

export async function findSubscribers(tx: Tx, types: readonly WebhookEventType[]): Promise<Subscribers> {
  const rows = await tx.$queryRaw<{ id: number; events: string[] }[]>`
    SELECT id, events FROM "WebhookEndpoint" WHERE events && ${types}::text[] AND enabled`;
  const byType = new Map<string, number[]>();
  for (const row of rows)
    for (const type of row.events)
      if (types.includes(type as WebhookEventType)) byType.set(type, [...(byType.get(type) ?? []), row.id]);
  return new Subscribers(byType);
}

/** A `webhook-id`: unique per event, the same on each of its attempts. */
export const newMessageId = () => `msg_${randomBytes(16).toString("base64url")}`;

/**
 * Writes each event some endpoint subscribes to (as `subscribers` found them) with one delivery per such endpoint;
 * returns the ids of the events written.
 */
export async function emitWebhookEvents(
  tx: Tx,
  subscribers: Subscribers,
  events: readonly EventToEmit[],
  occurredAt: Date,
): Promise<number[]> {
  const wanted = events.filter((event) => subscribers.wants(event.type));
  const ids: number[] = [];
  for (let start = 0; start < wanted.length; start += CHUNK) {
    const chunk = wanted.slice(start, start + CHUNK).map((event) => ({ messageId: newMessageId(), event }));
    const created = await tx.webhookEvent.createManyAndReturn({
      data: chunk.map(({ messageId, event }) => ({
        messageId,
        type: event.type,
        occurredAt,
        payload: {
          type: event.type,
          timestamp: occurredAt.toISOString(),
          data: event.data,
        } as Prisma.InputJsonValue,
      })),
      select: { id: true, messageId: true },
    });
    const idOf = new Map(created.map((row) => [row.messageId, row.id]));
    await tx.delivery.createMany({
      data: chunk.flatMap(({ messageId, event }) =>
        subscribers
          .endpointsFor(event.type)
          .map((endpointId) => ({
            webhookEventId: idOf.get(messageId)!,
            channel: "webhook" as const,
            target: String(endpointId),
          })),
      ),
    });
    ids.push(...created.map((row) => row.id));
  }
  return ids;
}

/** For a write that emits one type: builds its events only when some endpoint subscribes to it. */
export async function emitWhenSubscribed(
  tx: Tx,
  type: WebhookEventType,
  build: () => Promise<Record<string, unknown>[]> | Record<string, unknown>[],
  occurredAt: Date,
): Promise<void> {
  const subscribers = await findSubscribers(tx, [type]);
  if (!subscribers.wants(type)) return;
  const data = await build();
  await emitWebhookEvents(
    tx,
    subscribers,
    data.map((entry) => ({ type, data: entry })),
    occurredAt,
  );
}
