/**
 * The longest text each kind of field accepts, in one place: the write schemas, the CSV row schemas
 * and the forms' `maxLength` read these. Browser-safe (no imports). `text-limits.test.ts` walks every
 * schema of the code and fails on a string or a list that has no upper bound.
 */
export const TEXT_MAX = {
  /** Slugs of assets, concerns and asset kinds (SLUG_PATTERN allows the same 63 characters). */
  key: 63,
  /** People, assets, concerns, vendors, the organisation. */
  name: 200,
  /** Team names and asset kind labels, which sit in narrow columns and chips. */
  label: 100,
  /** The longest address SMTP can deliver to (RFC 5321). */
  email: 254,
  /** What browsers and servers accept in practice. */
  url: 2048,
  /** Asset and concern descriptions. */
  description: 2000,
  /** A review decision's note: a sentence or two for the history. */
  note: 1000,
  password: 200,
  /** An uploaded file's name, kept for the audit trail; file systems stop at 255. */
  fileName: 255,
  /** IANA time zone names; the longest today has 32 characters. */
  timeZone: 64,
  /** A record's `updatedAt` sent back as its version: ISO 8601 takes 24 to 35 characters. */
  timestamp: 40,
  /** A cell's version: the ids of its current assignments, comma-separated. */
  cellVersion: 2000,
  /** Text typed into a search box or a filter in a URL. */
  search: 100,
  /** An identity provider's id for a person or a group (SCIM externalId), and SCIM's schema URNs and paths. */
  scimValue: 255,
  /** A SCIM filter or PATCH path, which can nest a few conditions. */
  scimFilter: 1000,
} as const;
