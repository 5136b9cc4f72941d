import { getPrisma, type Db } from "@/lib/db/client";
import type { Tx } from "@/lib/auth/write-policy";
import type { PolicyUser } from "@/lib/auth/policy";
import { createAsset, retireAsset, updateAsset } from "@/lib/catalog/asset-actions";
import { ASSET_FORM_SELECT, assetWhere } from "@/lib/catalog/asset-queries";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { CreateAssetBody, ListAssetsQuery, UpdateAssetBody } from "./inputs";
import { decodeCursor, pageFrom } from "./pagination";

/** Assets through /api/v1: the Assets screen's filters and the catalog's own writes, with the CSV's field names. */

// The asset form's fields are the CSV's, with the version.
const assetSelect = ASSET_FORM_SELECT;

type AssetRow = Prisma.AssetGetPayload<{ select: typeof assetSelect }>;
type Reader = Db | Tx;

function toAsset(row: AssetRow) {
  return {
    key: row.key,
    name: row.name,
    kind: row.kind.key,
    criticality: row.criticality,
    lifecycle: row.lifecycle,
    url: row.url,
    vendor: row.vendor,
    description: row.description,
    updated_at: row.updatedAt.toISOString(),
  };
}

/** A page of assets in key order, filtered as the Assets screen filters. */
export async function listApiAssets(query: ListAssetsQuery, db: Db = getPrisma()) {
  const after = decodeCursor(query.cursor);
  const teamId = query.team === undefined ? null : ((await db.team.findUnique({ where: { name: query.team }, select: { id: true } }))?.id ?? -1);
  const where = assetWhere({ q: query.q ?? "", kind: query.kind ?? null, criticality: query.criticality ?? null, lifecycle: query.lifecycle ?? null, team: teamId });
  const rows = await db.asset.findMany({
    where: after === null ? where : { AND: [where, { key: { gt: after } }] },
    select: assetSelect,
    orderBy: { key: "asc" },
    take: query.limit + 1,
  });
  return pageFrom(rows, query.limit, (row) => row.key, toAsset);
}

export async function getApiAsset(key: string, db: Reader = getPrisma()) {
  const row = await db.asset.findUnique({ where: { key }, select: assetSelect });
  if (!row) throw new AppError("not-found", `There is no asset with the key "${key}".`);
  return toAsset(row);
}

export async function createApiAsset(tx: Tx, user: PolicyUser, body: CreateAssetBody) {
  const { key } = await createAsset(tx, user, { ...body, kindKey: body.kind });
  return getApiAsset(key, tx);
}

/** Changes the fields sent, keeping the others; the asset row is locked, so no other write slips in between. */
export async function updateApiAsset(tx: Tx, user: PolicyUser, key: string, body: UpdateAssetBody) {
  await tx.$queryRaw`SELECT id FROM "Asset" WHERE key = ${key} FOR UPDATE`;
  const current = await getApiAsset(key, tx);
  await updateAsset(tx, user, key, {
    name: body.name ?? current.name,
    kindKey: body.kind ?? current.kind,
    criticality: body.criticality ?? current.criticality,
    lifecycle: current.lifecycle === "retired" ? body.lifecycle : (body.lifecycle ?? current.lifecycle),
    url: body.url === undefined ? current.url : body.url,
    vendor: body.vendor === undefined ? current.vendor : body.vendor,
    description: body.description === undefined ? current.description : body.description,
    updatedAt: current.updated_at,
  });
  return getApiAsset(key, tx);
}

export async function retireApiAsset(tx: Tx, user: PolicyUser, key: string) {
  await retireAsset(tx, user, key);
  return getApiAsset(key, tx);
}
