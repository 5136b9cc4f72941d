import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { personalTokenRow } from "@/components/tokens/token-rows";
import { TokensTable } from "@/components/tokens/tokens-table";
import styles from "@/components/tokens/tokens.module.css";
import { requireUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/config/public-origin";
import { readTimeZone } from "@/lib/settings/queries";
import { listPersonalTokens } from "@/lib/tokens/queries";

export const metadata: Metadata = { title: "API tokens" };

/** My account -> Tokens: everyone who signs in may make tokens of their own, viewers included; they act with their role. */
export default async function AccountTokensPage() {
  const user = await requireUser();
  const [tokens, timeZone] = await Promise.all([listPersonalTokens(user.id), readTimeZone()]);
  return (
    <>
      <header className="page-header">
        <p className={styles.breadcrumb}>
          <Link href="/account">My account</Link> /
        </p>
        <h1>API tokens</h1>
        <p className="page-lede">
          A personal token lets a script or another system use Tandem&rsquo;s API as you: with your role, whatever it becomes, and only while your account is active. What it changes is
          recorded in your name.
        </p>
      </header>
      <section className={`panel ${styles.formPanel}`} aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New token</h2>
        <CreateTokenForm target={{ kind: "personal" }} origin={publicOrigin()} timeZone={timeZone} />
      </section>
      <section className="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        <TokensTable tokens={tokens.map((token) => personalTokenRow(token, timeZone))} revokePath="/api/me/tokens" kind="personal" />
      </section>
    </>
  );
}
