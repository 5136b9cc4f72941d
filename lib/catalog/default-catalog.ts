import type { Db } from "@/lib/db/client";
import type { ConcernHome } from "@/lib/rules/types";

/**
 * The default asset kinds and concern catalog of DESIGN.md section 2. Their keys are stable:
 * imports and the report refer to them.
 */
export const DEFAULT_ASSET_KINDS = [
  { key: "website", label: "Website" },
  { key: "cms", label: "CMS" },
  { key: "crm", label: "CRM" },
  { key: "email-platform", label: "Email platform" },
  { key: "automation", label: "Marketing automation" },
  { key: "analytics", label: "Analytics" },
  { key: "data-store", label: "Data store" },
  { key: "social-account", label: "Social account" },
  { key: "ad-account", label: "Ad account" },
  { key: "mobile-app", label: "Mobile app" },
  { key: "chatbot", label: "Chatbot" },
  { key: "integration", label: "Integration" },
] as const;

export type DefaultAssetKindKey = (typeof DEFAULT_ASSET_KINDS)[number]["key"];

const EVERY_KIND: readonly DefaultAssetKindKey[] = DEFAULT_ASSET_KINDS.map((kind) => kind.key);

interface DefaultConcern {
  key: string;
  name: string;
  home: ConcernHome;
  description: string;
  appliesTo: readonly DefaultAssetKindKey[];
}

export const DEFAULT_CONCERNS: readonly DefaultConcern[] = [
  {
    key: "content",
    name: "Content & messaging",
    home: "marketing",
    description: "What the asset says: copy, imagery, tone of voice and publishing.",
    appliesTo: ["website", "cms", "email-platform", "automation", "social-account", "ad-account", "mobile-app", "chatbot"],
  },
  {
    key: "ux-design",
    name: "UX & design",
    home: "marketing",
    description: "Layout, navigation, accessibility of the experience and brand consistency.",
    appliesTo: ["website", "cms", "mobile-app", "chatbot"],
  },
  {
    key: "campaign-logic",
    name: "Campaign & automation logic",
    home: "marketing",
    description: "Segments, journeys, triggers, bidding and the rules campaigns run on.",
    appliesTo: ["email-platform", "automation", "crm", "ad-account"],
  },
  {
    key: "seo-technical",
    name: "Technical SEO: speed, mobile, markup",
    home: "shared",
    description: "Page speed, mobile rendering, structured data, redirects and crawlability.",
    appliesTo: ["website", "cms"],
  },
  {
    key: "analytics-tracking",
    name: "Analytics & tracking",
    home: "shared",
    description: "Tags, pixels, events and the measurement plan behind them.",
    appliesTo: ["website", "mobile-app", "analytics", "ad-account", "social-account", "email-platform"],
  },
  {
    key: "privacy-compliance",
    name: "Privacy & compliance (GDPR, CCPA, consent)",
    home: "shared",
    description: "Consent, lawful basis, data subject requests and records of processing.",
    appliesTo: EVERY_KIND,
  },
  {
    key: "data-quality",
    name: "Data quality & retention",
    home: "shared",
    description: "Duplicates, field hygiene, retention periods and deletion.",
    appliesTo: ["crm", "data-store", "analytics", "email-platform", "automation"],
  },
  {
    key: "vendor-contract",
    name: "Vendor, licence & cost",
    home: "shared",
    description: "Contract, renewals, licence seats, spend and the vendor relationship.",
    appliesTo: EVERY_KIND.filter((kind) => kind !== "website" && kind !== "data-store"),
  },
  {
    key: "security-access",
    name: "Security & access control",
    home: "it",
    description: "Who can sign in, with which rights, MFA, offboarding and secrets.",
    appliesTo: EVERY_KIND,
  },
  {
    key: "hosting-uptime",
    name: "Hosting, uptime & performance",
    home: "it",
    description: "Where it runs, monitoring, incidents and capacity.",
    appliesTo: ["website", "cms", "mobile-app", "data-store", "chatbot", "integration"],
  },
  {
    key: "backup-recovery",
    name: "Backup & recovery",
    home: "it",
    description: "Backups, restore tests and recovery objectives.",
    appliesTo: ["website", "cms", "crm", "data-store"],
  },
  {
    key: "integrations",
    name: "Integrations & APIs",
    home: "it",
    description: "Connections to other systems, API keys, sync jobs and their failures.",
    appliesTo: ["crm", "automation", "data-store", "analytics", "email-platform", "integration", "chatbot"],
  },
];

/**
 * Puts the default kinds and concerns into a database that has none, so that a freshly migrated
 * database is usable without the demo. Never touches a catalog that admins have already shaped.
 */
export async function ensureDefaultCatalog(prisma: Db): Promise<{ created: boolean }> {
  return prisma.$transaction(async (tx) => {
    await tx.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    if ((await tx.assetKind.count()) > 0 || (await tx.concern.count()) > 0) return { created: false };
    await tx.assetKind.createMany({
      data: DEFAULT_ASSET_KINDS.map((kind, index) => ({ ...kind, sortOrder: index })),
    });
    await tx.concern.createMany({
      data: DEFAULT_CONCERNS.map(({ appliesTo, ...concern }, index) => ({ ...concern, sortOrder: index, appliesToEveryKind: appliesTo === EVERY_KIND })),
    });
    const kinds = new Map((await tx.assetKind.findMany()).map((kind) => [kind.key, kind.id]));
    const concerns = new Map((await tx.concern.findMany()).map((concern) => [concern.key, concern.id]));
    await tx.concernApplicability.createMany({
      data: DEFAULT_CONCERNS.flatMap((concern) =>
        concern.appliesTo.map((kindKey) => ({ concernId: concerns.get(concern.key)!, kindId: kinds.get(kindKey)! })),
      ),
    });
    return { created: true };
  });
}
