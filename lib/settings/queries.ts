import { getPrisma } from "@/lib/db/client";

export async function getOrganisationName(): Promise<string> {
  const settings = await getPrisma().organisationSettings.findUnique({ where: { id: 1 }, select: { name: true } });
  return settings?.name ?? "My organisation";
}
