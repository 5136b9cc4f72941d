import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "People & teams" };

export default async function Page() {
  await requireUser();
  return <NotBuiltYet title="People & teams" description="The teams, their people and each person's ownership load." />;
}
