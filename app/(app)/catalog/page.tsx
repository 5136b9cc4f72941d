import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Concerns & kinds" };

export default async function Page() {
  await requireUser();
  return <NotBuiltYet title="Concerns & kinds" description="The concern catalog with each concern's home and the asset kinds it applies to." />;
}
