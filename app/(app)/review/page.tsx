import type { Metadata } from "next";
import { NotBuiltYet } from "@/components/ui/not-built-yet";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Weekly review" };

export default async function Page() {
  await requireUser();
  return <NotBuiltYet title="Weekly review" description="Each manager's weekly list of cells to confirm, change, flag or hand off." />;
}
