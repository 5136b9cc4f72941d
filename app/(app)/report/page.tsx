import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Gap report" };

export default async function Page() {
  await requireUser();
  return <NotBuiltYet title="Gap report" description="Coverage gaps and marketing-IT collaboration hotspots, charted over the weeks, with CSV export." />;
}
