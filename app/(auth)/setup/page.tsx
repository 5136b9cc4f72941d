import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canSetUpWith } from "@/lib/accounts/setup";
import { singleSignOnSettings } from "@/lib/auth/sso-settings";
import { AuthCard } from "../_components/auth-card";
import { SetupForm } from "./_components/setup-form";

export const metadata: Metadata = { title: "Set up Tandem", referrer: "no-referrer" };

/** The first-run set-up, opened by the link `npm start` prints; without a usable link, or once done, it does not exist. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  if (!(await canSetUpWith(token, { singleSignOn: singleSignOnSettings() !== null }))) notFound();
  return (
    <AuthCard lede="Set up Tandem for your organisation: name it, choose the time zone its weekly review runs in, and create your admin account.">
      <SetupForm token={token!} timeZones={["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")]} />
    </AuthCard>
  );
}
