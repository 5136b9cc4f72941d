import type { Route } from "next";
import type { Role } from "@/lib/auth/session";

/** Every screen of DESIGN.md section 4, in the order the navigation shows them. */
export interface Screen {
  href: Route;
  label: string;
  /** Roles that see the entry; everyone signed in when absent. */
  roles?: readonly Role[];
}

export const SCREENS: readonly Screen[] = [
  { href: "/", label: "Home" },
  { href: "/assets", label: "Assets" },
  { href: "/matrix", label: "Ownership matrix" },
  { href: "/review", label: "Weekly review" },
  { href: "/report", label: "Gap report" },
  { href: "/people", label: "People & teams" },
  { href: "/catalog", label: "Concerns & kinds" },
  { href: "/settings", label: "Settings & users", roles: ["admin"] },
];

export function screensFor(role: Role): Screen[] {
  return SCREENS.filter((screen) => !screen.roles || screen.roles.includes(role));
}
