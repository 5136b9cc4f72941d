import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Ownership matrix" };

export default async function Page() {
  await requireUser();
  return <NotBuiltYet title="Ownership matrix" description="The assets x concerns grid with each cell's A, R, C and I holders and its coverage state." />;
}
