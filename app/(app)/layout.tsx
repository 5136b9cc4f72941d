import { AppShell } from "@/components/layout/app-shell";
import { requireUser } from "@/lib/auth/session";
import { listDemoAccountsWithPublicPassword } from "@/lib/demo/public-password";
import { getOrganisationName } from "@/lib/settings/queries";
import { signOutAction } from "./sign-out-action";

// Every signed-in screen is per person and live: never prerendered at build time (no database there).
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const [user, organisationName, demoAccounts] = await Promise.all([requireUser(), getOrganisationName(), listDemoAccountsWithPublicPassword()]);
  return (
    <AppShell user={user} organisationName={organisationName} demoAccounts={demoAccounts} signOutAction={signOutAction}>
      {children}
    </AppShell>
  );
}
