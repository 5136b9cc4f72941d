import type { DefaultAssetKindKey } from "@/lib/catalog/default-catalog";
import type { Criticality, TeamFunction } from "@/lib/rules/types";
import { KIND_NAMES, KIND_SHARE, REGIONS } from "./names";
import type { BenchAsset, BenchCatalog, BenchTeam } from "./organisation-types";
import { cumulativeOf, type Random } from "./random";

const DAY = 86_400_000;
const CRITICALITIES: Criticality[] = ["low", "medium", "high", "critical"];
const CRITICALITY_SHARE = cumulativeOf([35, 35, 20, 10]);
const WITH_URL = new Set(["website", "cms", "mobile-app", "chatbot"]);

/**
 * Assets over every kind of the catalog (each kind at least once, then by how common it is), most of them
 * there since the organisation started, some added during the year, 5% retired and 4% still planned.
 * Each belongs to one marketing and one IT team, larger teams owning more.
 */
export function buildAssets(
  random: Random,
  count: number,
  catalog: BenchCatalog,
  teams: BenchTeam[],
  timeline: { since: Date; now: Date },
): BenchAsset[] {
  const kinds = catalog.kinds;
  const kindShares = cumulativeOf(kinds.map((kind) => KIND_SHARE[kind.key as DefaultAssetKindKey] ?? 5));
  const teamPicker = (fn: TeamFunction) => {
    const candidates = teams.filter((team) => team.function === fn);
    const shares = cumulativeOf(candidates.map((team) => team.memberIds.length));
    return () => candidates[random.weighted(shares)]!.id;
  };
  const pickMarketingTeam = teamPicker("marketing");
  const pickItTeam = teamPicker("it");
  const since = timeline.since.getTime();
  const now = timeline.now.getTime();

  const assets: BenchAsset[] = [];
  for (let index = 0; index < count; index++) {
    const id = index + 1;
    const kind = index < kinds.length ? kinds[index]! : kinds[random.weighted(kindShares)]!;
    const naming = KIND_NAMES[kind.key as DefaultAssetKindKey] ?? { prefix: "Asset", vendors: ["In-house"] };
    const vendor = random.pick(naming.vendors);
    const createdAt = random.chance(0.85) ? since : since + Math.floor(random.next() * (now - DAY - since));
    const lifecycleRoll = random.next();
    const retired = lifecycleRoll < 0.05 && now - createdAt > 8 * DAY;
    const key = `${kind.key}-${String(id).padStart(5, "0")}`;
    assets.push({
      id,
      key,
      name: `${naming.prefix} ${vendor} ${random.pick(REGIONS)} ${id}`,
      kindId: kind.id,
      kindKey: kind.key,
      criticality: CRITICALITIES[random.weighted(CRITICALITY_SHARE)]!,
      lifecycle: retired ? "retired" : lifecycleRoll < 0.09 ? "planned" : "active",
      url: WITH_URL.has(kind.key) ? `https://${key}.bench.example.org` : null,
      vendor,
      createdAt: new Date(createdAt),
      retiredAt: retired
        ? new Date(createdAt + 7 * DAY + Math.floor(random.next() * (now - createdAt - 8 * DAY)))
        : null,
      marketingTeamId: pickMarketingTeam(),
      itTeamId: pickItTeam(),
    });
  }
  return assets;
}
