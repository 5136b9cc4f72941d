import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/ui/forbidden";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings & users" };

export default async function SettingsPage() {
  const user = await requireUser();
  if (user.role !== "admin") return <Forbidden what="Settings and users are for admins." />;
  return (
    <>
      <NotBuiltYet
        title="Settings & users"
        description="Organisation settings (time zone, review and overload thresholds), users and roles, and imports."
      />
      <section className="panel" aria-labelledby="import-export-heading">
        <h2 id="import-export-heading">Import and export</h2>
        <p className="muted">People, assets and ownership as CSV files: preview and import them, or download them.</p>
        <Link className="button button-secondary" href="/settings/import">
          Import and export
        </Link>
      </section>
    </>
  );
}
