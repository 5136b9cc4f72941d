import { getPrisma, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Concerns and asset kinds through /api/v1: read only, in the catalog's own order. */

const concernSelect = { key: true, name: true, home: true, description: true, appliesTo: { select: { kind: { select: { key: true } } } } } as const;
const kindSelect = { key: true, label: true, concerns: { select: { concern: { select: { key: true } } } } } as const;
const catalogOrder = [{ sortOrder: "asc" as const }, { key: "asc" as const }];

type ConcernRow = { key: string; name: string; home: "marketing" | "it" | "shared"; description: string | null; appliesTo: { kind: { key: string } }[] };
type KindRow = { key: string; label: string; concerns: { concern: { key: string } }[] };

const toConcern = (row: ConcernRow) => ({
  key: row.key,
  name: row.name,
  home: row.home,
  description: row.description,
  kinds: row.appliesTo.map((applies) => applies.kind.key).sort(),
});
const toKind = (row: KindRow) => ({ key: row.key, label: row.label, concerns: row.concerns.map((applies) => applies.concern.key).sort() });

export async function listApiConcerns(db: Db = getPrisma()) {
  return { items: (await db.concern.findMany({ select: concernSelect, orderBy: catalogOrder })).map(toConcern) };
}

export async function getApiConcern(key: string, db: Db = getPrisma()) {
  const row = await db.concern.findUnique({ where: { key }, select: concernSelect });
  if (!row) throw new AppError("not-found", `There is no concern with the key "${key}".`);
  return toConcern(row);
}

export async function listApiKinds(db: Db = getPrisma()) {
  return { items: (await db.assetKind.findMany({ select: kindSelect, orderBy: catalogOrder })).map(toKind) };
}

export async function getApiKind(key: string, db: Db = getPrisma()) {
  const row = await db.assetKind.findUnique({ where: { key }, select: kindSelect });
  if (!row) throw new AppError("not-found", `There is no asset kind with the key "${key}".`);
  return toKind(row);
}
