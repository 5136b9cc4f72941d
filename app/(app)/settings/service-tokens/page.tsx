import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { serviceTokenRow } from "@/components/tokens/token-rows";
import { TokensTable } from "@/components/tokens/tokens-table";
import styles from "@/components/tokens/tokens.module.css";
import { Forbidden } from "@/components/ui/forbidden";
import { canManageSettings } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/config/public-origin";
import { listTeamOptions } from "@/lib/people/team-queries";
import { readTimeZone } from "@/lib/settings/queries";
import { listServiceTokens } from "@/lib/tokens/queries";

export const metadata: Metadata = { title: "Service tokens" };

/** Settings -> Service tokens: the organisation's tokens, each with the role an admin gave it. */
export default async function ServiceTokensPage() {
  const user = await requireUser();
  if (!canManageSettings(user)) return <Forbidden what="Service tokens are for admins." />;
  const [tokens, teams, timeZone] = await Promise.all([listServiceTokens(), listTeamOptions(), readTimeZone()]);
  return (
    <>
      <header className="page-header">
        <p className={styles.breadcrumb}>
          <Link href="/settings">Settings &amp; users</Link> /
        </p>
        <h1>Service tokens</h1>
        <p className="page-lede">
          A service token belongs to the organisation, not to a person: a CMDB, a BI tool or a chat bot uses the API with the role it is given here, whoever comes and goes. What it
          changes is recorded in the name of the admin who made it, naming the token. A SCIM provisioning token is for the identity provider (Okta, Entra ID): it
          creates, updates and deactivates people and teams at <code>/scim/v2</code> and can call nothing else.
        </p>
      </header>
      <section className={`panel ${styles.formPanel}`} aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New service token</h2>
        <CreateTokenForm target={{ kind: "service", teams: teams.map(({ id, name }) => ({ id, name })) }} origin={publicOrigin()} timeZone={timeZone} />
      </section>
      <section className="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">The organisation&rsquo;s service tokens</h2>
        <TokensTable tokens={tokens.map((token) => serviceTokenRow(token, timeZone))} revokePath="/api/settings/service-tokens" kind="service" />
      </section>
    </>
  );
}
