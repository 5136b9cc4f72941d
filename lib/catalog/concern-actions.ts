import { recordAudit } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { KEY_TAKEN } from "./asset-actions";
import type { ConcernHomeValue } from "./constants";
import type { CreateAssetKindInput, CreateConcernInput, UpdateConcernInput } from "./schemas";

/**
 * The concern and asset-kind writes behind POST /api/concerns, PATCH /api/concerns/[key] and
 * POST /api/asset-kinds. Nothing is ever deleted: a concern that stops applying to a kind takes its
 * cells out of every figure, while their assignments stay as history.
 */

type Tx = Prisma.TransactionClient;

export interface ConcernRecord {
  key: string;
  name: string;
  home: ConcernHomeValue;
  description: string | null;
  /** Applies to every asset kind, kinds added later included. */
  appliesToEveryKind: boolean;
  kindKeys: string[];
  updatedAt: string;
}

const CONCERN_SELECT = {
  id: true,
  key: true,
  name: true,
  home: true,
  description: true,
  appliesToEveryKind: true,
  updatedAt: true,
  appliesTo: { select: { kind: { select: { key: true } } } },
} satisfies Prisma.ConcernSelect;

type LoadedConcern = Prisma.ConcernGetPayload<{ select: typeof CONCERN_SELECT }>;

function toRecord(concern: LoadedConcern): ConcernRecord {
  return {
    key: concern.key,
    name: concern.name,
    home: concern.home,
    description: concern.description,
    appliesToEveryKind: concern.appliesToEveryKind,
    kindKeys: concern.appliesTo.map((row) => row.kind.key).sort(),
    updatedAt: concern.updatedAt.toISOString(),
  };
}

/** Every kind's key: the list of a concern that applies to every kind. */
async function listAllKindKeys(tx: Tx): Promise<string[]> {
  return (await tx.assetKind.findMany({ select: { key: true } })).map((kind) => kind.key).sort();
}

/** Kind ids for keys, refusing the whole write when one is unknown. */
async function resolveKindIds(tx: Tx, kindKeys: readonly string[]): Promise<number[]> {
  if (kindKeys.length === 0) return [];
  const kinds = await tx.assetKind.findMany({ where: { key: { in: [...kindKeys] } }, select: { id: true, key: true } });
  const unknown = kindKeys.filter((key) => !kinds.some((kind) => kind.key === key));
  if (unknown.length) {
    throw new AppError("invalid", "Some values are not valid.", { fieldErrors: { kindKeys: [`Unknown asset kind: ${unknown.join(", ")}.`] } });
  }
  return kinds.map((kind) => kind.id);
}

async function nextSortOrder(current: Promise<{ _max: { sortOrder: number | null } }>): Promise<number> {
  return ((await current)._max.sortOrder ?? -1) + 1;
}

export async function createConcern(tx: Tx, user: PolicyUser, input: CreateConcernInput): Promise<ConcernRecord> {
  if (await tx.concern.findUnique({ where: { key: input.key }, select: { id: true } })) {
    throw new AppError("conflict", KEY_TAKEN, { fieldErrors: { key: [KEY_TAKEN] } });
  }
  const everyKind = input.appliesToEveryKind ?? false;
  const kindIds = await resolveKindIds(tx, everyKind ? await listAllKindKeys(tx) : (input.kindKeys ?? []));
  const created = await tx.concern.create({
    data: {
      key: input.key,
      name: input.name,
      home: input.home,
      description: input.description ?? null,
      appliesToEveryKind: everyKind,
      sortOrder: await nextSortOrder(tx.concern.aggregate({ _max: { sortOrder: true } })),
      appliesTo: { create: kindIds.map((kindId) => ({ kindId })) },
    },
    select: CONCERN_SELECT,
  });
  const record = toRecord(created);
  const { updatedAt: _updatedAt, ...after } = record;
  await recordAudit(tx, { actorId: user.id, action: "concern.created", entityType: "concern", entityId: record.key, after });
  return record;
}

export const STALE_CONCERN_MESSAGE = "Someone changed this concern in the meantime. Nothing was saved: the page now shows their version.";

/**
 * Edits a concern's fields and the kinds it applies to (the full list: kinds left out stop applying). A
 * concern that applies to every kind applies to all of them, whatever list is sent; turning that off
 * keeps the kinds it has and stops adding new ones. When the caller sends the `updatedAt` it loaded, a
 * concern changed since then is refused, not overwritten.
 */
export async function updateConcern(tx: Tx, user: PolicyUser, key: string, input: UpdateConcernInput): Promise<ConcernRecord> {
  const concern = await tx.concern.findUnique({ where: { key }, select: CONCERN_SELECT });
  if (!concern) throw new AppError("not-found", `There is no concern with the key "${key}".`);
  const current = toRecord(concern);
  if (input.updatedAt !== undefined && new Date(input.updatedAt).getTime() !== concern.updatedAt.getTime()) {
    throw new AppError("conflict", STALE_CONCERN_MESSAGE, { current });
  }
  const appliesToEveryKind = input.appliesToEveryKind ?? current.appliesToEveryKind;
  const kindKeys = appliesToEveryKind ? await listAllKindKeys(tx) : input.kindKeys;
  const kindIds = kindKeys === undefined ? null : await resolveKindIds(tx, kindKeys);
  const next = {
    name: input.name ?? current.name,
    home: input.home ?? current.home,
    description: input.description === undefined ? current.description : input.description,
    appliesToEveryKind,
    kindKeys: kindKeys ?? current.kindKeys,
  };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of ["name", "home", "description", "appliesToEveryKind", "kindKeys"] as const) {
    if (JSON.stringify(current[field]) === JSON.stringify(next[field])) continue;
    before[field] = current[field];
    after[field] = next[field];
  }
  if (Object.keys(after).length === 0) return current;

  // Touching updatedAt even when only the kinds change makes every edit visible to the version check.
  const updated = await tx.concern.updateMany({
    where: { id: concern.id, updatedAt: concern.updatedAt },
    data: { name: next.name, home: next.home, description: next.description, appliesToEveryKind, updatedAt: new Date() },
  });
  if (updated.count !== 1) throw new AppError("conflict", STALE_CONCERN_MESSAGE);
  if (kindIds !== null) {
    await tx.concernApplicability.deleteMany({ where: { concernId: concern.id, kindId: { notIn: kindIds } } });
    await tx.concernApplicability.createMany({ data: kindIds.map((kindId) => ({ concernId: concern.id, kindId })), skipDuplicates: true });
  }
  await recordAudit(tx, { actorId: user.id, action: "concern.updated", entityType: "concern", entityId: key, before, after });
  return toRecord(await tx.concern.findUniqueOrThrow({ where: { id: concern.id }, select: CONCERN_SELECT }));
}

/** A new kind, with the concerns that apply to every kind applying to it too. */
export async function createAssetKind(tx: Tx, user: PolicyUser, input: CreateAssetKindInput): Promise<{ key: string; label: string; concernKeys: string[] }> {
  if (await tx.assetKind.findUnique({ where: { key: input.key }, select: { id: true } })) {
    throw new AppError("conflict", KEY_TAKEN, { fieldErrors: { key: [KEY_TAKEN] } });
  }
  const kind = await tx.assetKind.create({
    data: { key: input.key, label: input.label, sortOrder: await nextSortOrder(tx.assetKind.aggregate({ _max: { sortOrder: true } })) },
    select: { id: true, key: true, label: true },
  });
  const everyKind = await tx.concern.findMany({ where: { appliesToEveryKind: true }, select: { id: true, key: true }, orderBy: { key: "asc" } });
  await tx.concernApplicability.createMany({ data: everyKind.map((concern) => ({ concernId: concern.id, kindId: kind.id })) });
  const created = { key: kind.key, label: kind.label, concernKeys: everyKind.map((concern) => concern.key) };
  await recordAudit(tx, { actorId: user.id, action: "asset-kind.created", entityType: "asset-kind", entityId: kind.key, after: created });
  return created;
}
