import { recordAudit } from "@/lib/audit/record";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { ASSET_FORM_SELECT, toAssetFormValues } from "./asset-queries";
import type { CreateAssetInput, UpdateAssetInput } from "./schemas";

/**
 * The asset writes behind POST /api/assets, PATCH /api/assets/[key] and POST /api/assets/[key]/retire.
 * The routes' policy (`catalogEditors`) has let the user through; each runs inside the route's transaction
 * and records its audit event, so a refusal writes nothing and every change leaves a trace.
 */

type Tx = Prisma.TransactionClient;

export const KEY_TAKEN = "That key is taken.";

const AUDIT_SELECT = {
  key: true,
  name: true,
  criticality: true,
  lifecycle: true,
  url: true,
  vendor: true,
  description: true,
  retiredAt: true,
  kind: { select: { key: true } },
} satisfies Prisma.AssetSelect;

type AuditedAsset = Prisma.AssetGetPayload<{ select: typeof AUDIT_SELECT }>;

function toAuditRecord(asset: AuditedAsset) {
  const { kind, ...rest } = asset;
  return { ...rest, kind: kind.key };
}

/** The fields whose values differ, as `before` and `after` records holding only those fields. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    from[key] = before[key];
    to[key] = after[key];
  }
  return { before: from, after: to, changed: Object.keys(to).length > 0 };
}

async function findKindId(tx: Tx, kindKey: string): Promise<number> {
  const kind = await tx.assetKind.findUnique({ where: { key: kindKey }, select: { id: true } });
  if (!kind) throw new AppError("invalid", "Some values are not valid.", { fieldErrors: { kindKey: ["Choose a kind from the list."] } });
  return kind.id;
}

export async function createAsset(tx: Tx, user: PolicyUser, input: CreateAssetInput): Promise<{ key: string }> {
  const kindId = await findKindId(tx, input.kindKey);
  if (await tx.asset.findUnique({ where: { key: input.key }, select: { id: true } })) {
    throw new AppError("conflict", KEY_TAKEN, { fieldErrors: { key: [KEY_TAKEN] } });
  }
  const asset = await tx.asset.create({
    data: {
      key: input.key,
      name: input.name,
      kindId,
      criticality: input.criticality,
      lifecycle: input.lifecycle,
      url: input.url ?? null,
      vendor: input.vendor ?? null,
      description: input.description ?? null,
    },
    select: AUDIT_SELECT,
  });
  await recordAudit(tx, { actorId: user.id, action: "asset.created", entityType: "asset", entityId: asset.key, after: toAuditRecord(asset) });
  return { key: asset.key };
}

async function findAsset(tx: Tx, key: string) {
  const asset = await tx.asset.findUnique({ where: { key }, select: { id: true, updatedAt: true, ...AUDIT_SELECT } });
  if (!asset) throw new AppError("not-found", `There is no asset with the key "${key}".`);
  return asset;
}

export const STALE_ASSET_MESSAGE =
  "Someone changed this asset after you opened it. Nothing was saved: check their values below, then save again to keep yours.";

/**
 * Edits an asset unless it changed since the form loaded it (`updatedAt`): then it answers a conflict
 * carrying the current values, and writes nothing. The key never changes: imports and reports use it.
 */
export async function updateAsset(tx: Tx, user: PolicyUser, key: string, input: UpdateAssetInput): Promise<{ key: string; updatedAt: string }> {
  const asset = await findAsset(tx, key);
  const loadedAt = new Date(input.updatedAt);
  if (asset.updatedAt.getTime() !== loadedAt.getTime()) throw await staleAsset(tx, key);

  const retired = asset.lifecycle === "retired";
  if (retired && input.lifecycle !== undefined) {
    throw new AppError("invalid", "Some values are not valid.", { fieldErrors: { lifecycle: ["A retired asset stays retired."] } });
  }
  const kindId = await findKindId(tx, input.kindKey);
  const next = {
    name: input.name,
    kind: input.kindKey,
    criticality: input.criticality,
    lifecycle: input.lifecycle ?? asset.lifecycle,
    url: input.url ?? null,
    vendor: input.vendor ?? null,
    description: input.description ?? null,
  };
  const diff = changedFields(toAuditRecord(asset), next);
  if (!diff.changed) return { key, updatedAt: asset.updatedAt.toISOString() };

  const { kind: _kind, ...columns } = next;
  // The version check is part of the update itself, so two concurrent saves cannot both pass it.
  const updated = await tx.asset.updateMany({ where: { id: asset.id, updatedAt: asset.updatedAt }, data: { ...columns, kindId } });
  if (updated.count !== 1) throw await staleAsset(tx, key);
  await recordAudit(tx, { actorId: user.id, action: "asset.updated", entityType: "asset", entityId: key, before: diff.before, after: diff.after });
  const saved = await tx.asset.findUniqueOrThrow({ where: { id: asset.id }, select: { updatedAt: true } });
  return { key, updatedAt: saved.updatedAt.toISOString() };
}

async function staleAsset(tx: Tx, key: string): Promise<AppError> {
  const current = await tx.asset.findUnique({ where: { key }, select: ASSET_FORM_SELECT });
  if (!current) return new AppError("not-found", `There is no asset with the key "${key}" any more.`);
  return new AppError("conflict", STALE_ASSET_MESSAGE, { current: toAssetFormValues(current) });
}

/** Takes the asset out of scope. Its assignments and history stay as they are. */
export async function retireAsset(tx: Tx, user: PolicyUser, key: string, now: Date = new Date()): Promise<{ key: string; retiredAt: string }> {
  const asset = await findAsset(tx, key);
  if (asset.lifecycle === "retired") throw new AppError("conflict", "This asset is already retired.");
  await tx.asset.update({ where: { id: asset.id }, data: { lifecycle: "retired", retiredAt: now } });
  await recordAudit(tx, {
    actorId: user.id,
    action: "asset.retired",
    entityType: "asset",
    entityId: key,
    before: { lifecycle: asset.lifecycle, retiredAt: null },
    after: { lifecycle: "retired", retiredAt: now },
  });
  return { key, retiredAt: now.toISOString() };
}
