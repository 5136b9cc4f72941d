import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { catalogAsOf, type PersonRecord, type RuleAsset, type RuleConcern, type RuleSettings } from "@/lib/rules";
import { readRuleSettings } from "@/lib/settings/queries";
import { loadAttributeHistory } from "./attribute-history";

/** What the rules need besides assignments: thresholds, assets with their dates, concerns with their kinds, people with theirs. */
export interface RuleCatalog {
  settings: RuleSettings;
  assets: RuleAsset[];
  concerns: RuleConcern[];
  people: PersonRecord[];
}

/** The catalog as it was at `asOf`: as it is now, with every change made since undone from its history. */
export async function loadRuleCatalogAsOf(prisma: Db | Prisma.TransactionClient, asOf: Date): Promise<RuleCatalog> {
  const [catalog, history] = await Promise.all([loadRuleCatalog(prisma), loadAttributeHistory(prisma, asOf)]);
  return catalogAsOf(catalog, history, asOf);
}

/** The catalog as it is now. */
export async function loadRuleCatalog(prisma: Db | Prisma.TransactionClient): Promise<RuleCatalog> {
  // In id order: rows come back in the order they were last written otherwise, and figures that tie (two
  // gap types as frequent) would be listed in another order after an unrelated edit.
  const [settings, assets, concerns, people] = await Promise.all([
    readRuleSettings(prisma),
    prisma.asset.findMany({
      orderBy: { id: "asc" },
      select: { id: true, key: true, criticality: true, lifecycle: true, createdAt: true, retiredAt: true, kind: { select: { key: true } } },
    }),
    prisma.concern.findMany({
      orderBy: { id: "asc" },
      select: { id: true, key: true, home: true, appliesTo: { orderBy: { kindId: "asc" }, select: { kind: { select: { key: true } } } } },
    }),
    prisma.person.findMany({
      orderBy: { id: "asc" },
      select: { id: true, email: true, teamId: true, deactivatedAt: true, team: { select: { function: true } } },
    }),
  ]);
  return {
    settings,
    assets: assets.map((asset) => ({
      id: asset.id,
      key: asset.key,
      kindKey: asset.kind.key,
      criticality: asset.criticality,
      lifecycle: asset.lifecycle,
      createdAt: asset.createdAt,
      retiredAt: asset.retiredAt,
    })),
    concerns: concerns.map((concern) => ({
      id: concern.id,
      key: concern.key,
      home: concern.home,
      kindKeys: concern.appliesTo.map((applicability) => applicability.kind.key),
    })),
    people: people.map((person) => ({
      id: person.id,
      email: person.email,
      teamId: person.teamId,
      function: person.team?.function ?? null,
      deactivatedAt: person.deactivatedAt,
    })),
  };
}
