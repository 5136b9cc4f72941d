import "server-only";
import { publicLink } from "@/lib/config/public-origin";
import { formatDayTime } from "@/lib/catalog/format";
import { composeMail } from "@/lib/mail/compose";
import { deliverMail, type MailOutcome } from "@/lib/mail/deliver";
import { readOrganisationSettings } from "@/lib/settings/queries";
import type { IssuedInvitation } from "./invitations";
import type { IssuedLink } from "./one-time-links";

/**
 * The mail of one-time links, sent after the transaction that made them (never inside one: a slow mail server
 * must not hold locks). Where mail is not sent (no SMTP_URL, or the server refused), the admin gets the link
 * to pass on instead.
 */

export interface LinkDelivery {
  personId: number;
  name: string;
  email: string;
  outcome: MailOutcome;
  /** The link itself, only when it did not go out by mail: the admin copies it to the person. */
  link: string | null;
  expiresAt: string;
}

export async function mailInvitations(invitations: readonly IssuedInvitation[], invitedBy: string): Promise<LinkDelivery[]> {
  const settings = await readOrganisationSettings();
  const deliveries: LinkDelivery[] = [];
  // One after another: a batch after an import must not open hundreds of connections to the mail server.
  for (const invitation of invitations) {
    const url = publicLink(invitation.link.path);
    const outcome = await deliverMail(
      composeMail(invitation.email, {
        subject: `${invitedBy} invited you to Tandem for ${settings.name}`,
        greeting: `Hello ${invitation.name},`,
        paragraphs: [
          `${invitedBy} invited you to Tandem, where ${settings.name} keeps track of who owns what between Marketing and IT, and where each team's manager fills in a short review every week.`,
          "Choose your password to sign in:",
        ],
        action: { label: "Choose my password", url },
        footer: [`This link works once, until ${formatDayTime(invitation.link.expiresAt, settings.timeZone)} (${settings.timeZone}). Were you not expecting it? You can ignore this mail.`],
      }),
    );
    deliveries.push({
      personId: invitation.personId,
      name: invitation.name,
      email: invitation.email,
      outcome,
      link: outcome.status === "sent" ? null : url,
      expiresAt: invitation.link.expiresAt.toISOString(),
    });
  }
  return deliveries;
}

export async function mailPasswordReset(reset: { name: string; email: string; link: IssuedLink }): Promise<MailOutcome> {
  const settings = await readOrganisationSettings();
  return deliverMail(
    composeMail(reset.email, {
      subject: "Choose a new password for Tandem",
      greeting: `Hello ${reset.name},`,
      paragraphs: [`Someone, probably you, asked to choose a new password for your Tandem account at ${settings.name}.`],
      action: { label: "Choose a new password", url: publicLink(reset.link.path) },
      footer: [
        `This link works once, until ${formatDayTime(reset.link.expiresAt, settings.timeZone)} (${settings.timeZone}).`,
        "Did you not ask for it? Ignore this mail: your password stays as it is.",
      ],
    }),
  );
}
