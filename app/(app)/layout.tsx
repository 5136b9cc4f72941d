import { AppShell } from "@/components/layout/app-shell";
import { requireUser } from "@/lib/auth/session";
import { listDemoAccountsWithPublicPassword } from "@/lib/demo/public-password";
import { countUnread } from "@/lib/notifications/inbox";
import { getOrganisationName } from "@/lib/settings/queries";
import { signOutAction } from "./sign-out-action";

// Every signed-in screen is per person and live: never prerendered at build time (no database there).
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const signedIn = requireUser();
  const [user, organisationName, demoAccounts, unreadCount] = await Promise.all([
    signedIn,
    getOrganisationName(),
    listDemoAccountsWithPublicPassword(),
    signedIn.then((person) => countUnread(person.id)),
  ]);
  return (
    <AppShell user={user} organisationName={organisationName} demoAccounts={demoAccounts} unreadCount={unreadCount} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
