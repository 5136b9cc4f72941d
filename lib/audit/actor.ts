/**
 * Who made an audited change, as the history lists show it: the person, and the API token when the change came
 * through one (a service token's changes are made in the name of the admin who created it).
 */
export const auditActorSelect = { actor: { select: { name: true } }, apiToken: { select: { name: true } } } as const;

export function describeActor(event: { actor: { name: string } | null; apiToken: { name: string } | null }): string | null {
  if (!event.apiToken) return event.actor?.name ?? null;
  return `${event.actor?.name ?? "Someone"} (API token “${event.apiToken.name}”)`;
}
