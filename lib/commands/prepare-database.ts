import { issueSetupLinkIfNeeded } from "@/lib/accounts/setup";
import type { IssuedLink } from "@/lib/accounts/one-time-links";
import { ensureDefaultCatalog } from "@/lib/catalog/default-catalog";
import { listDemoAccountsWithPublicPassword } from "@/lib/demo/public-password";
import { seedDemoOrganisation, type SeedResult } from "@/lib/demo/seed-demo";
import { createPrismaClient } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

export interface PreparedDatabase {
  appliedMigrations: string[];
  defaultCatalogCreated: boolean;
  demo: SeedResult | null;
  /** Demo accounts that sign in with the public password (see `listDemoAccountsWithPublicPassword`). */
  demoAccountsWithPublicPassword: string[];
  /** A fresh first-run set-up link, when asked for and nobody can sign in as an admin yet. */
  setupLink: IssuedLink | null;
}

/**
 * Brings a database up to date: migrations, then the default catalog, then (when asked) the demo organisation,
 * and (when asked, as `npm start` does) a set-up link while the organisation has no admin who can sign in.
 */
export async function prepareDatabase(databaseUrl: string, options: { seedDemo: boolean; offerSetup?: { singleSignOn: boolean } }): Promise<PreparedDatabase> {
  const appliedMigrations = await applyMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  try {
    const { created } = await ensureDefaultCatalog(prisma);
    const demo = options.seedDemo ? await seedDemoOrganisation(prisma) : null;
    return {
      appliedMigrations,
      defaultCatalogCreated: created,
      demo,
      demoAccountsWithPublicPassword: await listDemoAccountsWithPublicPassword(prisma),
      setupLink: options.offerSetup ? await issueSetupLinkIfNeeded(prisma, options.offerSetup) : null,
    };
  } finally {
    await prisma.$disconnect();
  }
}
