/** The catalog's fixed vocabularies, safe to import from browser code (no zod, no database). */

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const SLUG_HINT = "Use 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit.";

export const CRITICALITIES = ["low", "medium", "high", "critical"] as const;
export const LIFECYCLES = ["planned", "active", "retired"] as const;
/** Lifecycles a form may set: retiring is its own action, with its own date. */
export const EDITABLE_LIFECYCLES = ["planned", "active"] as const;
export const CONCERN_HOMES = ["marketing", "it", "shared"] as const;

export type CriticalityValue = (typeof CRITICALITIES)[number];
export type LifecycleValue = (typeof LIFECYCLES)[number];
export type ConcernHomeValue = (typeof CONCERN_HOMES)[number];
