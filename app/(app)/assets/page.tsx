import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Assets" };

export default async function Page() {
  await requireUser();
  return <NotBuiltYet title="Assets" description="The searchable list of digital assets, each asset's cells, owners and history." />;
}
