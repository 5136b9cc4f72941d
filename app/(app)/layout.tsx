import { AppShell } from "@/components/layout/app-shell";
import { requireUser } from "@/lib/auth/session";
import { getOrganisationName } from "@/lib/settings/queries";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const [user, organisationName] = await Promise.all([requireUser(), getOrganisationName()]);
  return (
    <AppShell user={user} organisationName={organisationName}>
      {children}
    </AppShell>
  );
}
