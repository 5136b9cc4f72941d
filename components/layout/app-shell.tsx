import Link from "next/link";
import { BrandMark } from "@/components/ui/brand-mark";
import type { CurrentUser } from "@/lib/auth/session";
import { InboxBell } from "./inbox-bell";
import { screensFor } from "./screens";
import { NavLink } from "./nav-link";

const ROLE_LABEL = { admin: "Admin", manager: "Manager", viewer: "Viewer" } as const;

export function AppShell({
  user,
  organisationName,
  demoAccounts,
  unreadCount,
  signOutAction,
  children,
}: {
  user: CurrentUser;
  organisationName: string;
  /** Demo accounts that still sign in with the public password: every screen says so while there are any. */
  demoAccounts: readonly string[];
  /** The person's unread in-app messages, for the bell. */
  unreadCount: number;
  /** The server action of the "Sign out" button, passed down by the layout that owns it. */
  signOutAction: (form: FormData) => Promise<void>;
  children: React.ReactNode;
}) {
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar-top">
          <div className="brand">
            <BrandMark size={24} />
            <span>Tandem</span>
          </div>
          <InboxBell unread={unreadCount} />
        </div>
        <p className="sidebar-org">{organisationName}</p>
        <nav aria-label="Main">
          <ul className="nav-list">
            {screensFor(user.role).map((screen) => (
              <li key={screen.href}>
                <NavLink href={screen.href}>{screen.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {/* For the people who connect other systems: apart from the screens, so it does not crowd them. */}
        <nav aria-label="More" className="nav-secondary">
          <ul className="nav-list">
            <li>
              <NavLink href="/api-reference">API reference</NavLink>
            </li>
          </ul>
        </nav>
        <div className="sidebar-user" data-testid="current-user">
          {/* The person's own block opens their account: where they change their password or sign out everywhere. */}
          <Link href="/account" className="user-card">
            <span className="user-name">{user.name}</span>
            <span className="user-meta">
              <span className={`role-badge role-${user.role}`}>{ROLE_LABEL[user.role]}</span>
              {user.teamName ? <span>{user.teamName}</span> : null}
            </span>
            <span className="user-account">My account</span>
          </Link>
          <form action={signOutAction}>
            <button type="submit" className="button button-quiet">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main className="content">
        {demoAccounts.length > 0 ? (
          <p className="notice notice-warning" role="status" data-testid="demo-banner">
            <strong>Demo data.</strong> {demoAccounts.length === 1 ? "One account" : `${demoAccounts.length} accounts`} ({demoAccounts.join(", ")}) sign
            in with the public demo password: anyone who can reach this server can sign in as them. Before real use, set their
            passwords or deactivate them, or start on an empty database.
          </p>
        ) : null}
        {children}
      </main>
    </div>
  );
}
