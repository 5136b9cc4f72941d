import { formatDay, formatDayTime } from "@/lib/catalog/format";
import type { ServiceTokenListEntry, TokenListEntry, TokenStatus } from "@/lib/tokens/queries";

/** A token as its list shows it, dates already in the organisation's time zone (the table renders in the browser). */
export interface TokenRowView {
  id: number;
  name: string;
  /** `tdm_AbCd…`: enough to tell tokens apart, never enough to use one. */
  shown: string;
  created: string;
  expires: string;
  lastUsed: string;
  status: TokenStatus;
  /** Service tokens only: the role it acts with, and the admin in whose name it writes. */
  actsAs?: string;
  madeBy?: string;
}

const ROLE_LABEL = { admin: "Admin", viewer: "Viewer" } as const;

export function personalTokenRow(token: TokenListEntry, timeZone: string): TokenRowView {
  return {
    id: token.id,
    name: token.name,
    shown: `${token.prefix}…`,
    created: formatDay(token.createdAt, timeZone),
    expires: token.expiresAt ? formatDay(token.expiresAt, timeZone) : "Never",
    lastUsed: token.lastUsedAt ? formatDayTime(token.lastUsedAt, timeZone) : "Never",
    status: token.status,
  };
}

export function serviceTokenRow(token: ServiceTokenListEntry, timeZone: string): TokenRowView {
  return {
    ...personalTokenRow(token, timeZone),
    actsAs: token.scim ? "SCIM provisioning" : token.role === "manager" ? `Manager of ${token.teamName ?? "a removed team"}` : ROLE_LABEL[token.role],
    madeBy: token.createdByName ?? "A deleted person",
  };
}
