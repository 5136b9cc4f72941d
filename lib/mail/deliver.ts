import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { readEnvironment, type Environment } from "@/lib/config/environment";
import { publicOrigin } from "@/lib/config/public-origin";
import { getPrisma, type Db } from "@/lib/db/client";
import { processShared } from "@/lib/db/process-shared";
import type { ComposedMail } from "./compose";
import { keepInMailbox, mailboxIsOn } from "./mailbox";

/**
 * Sends Tandem's mail through the SMTP server of SMTP_URL, and keeps a copy in the mailbox when
 * TANDEM_MAILBOX is true. Delivery never throws: the caller gets an outcome it can tell the person about
 * ("the invitation could not be sent; copy the link instead"), and the log gets the detail.
 *
 * Callers never send inside a database transaction: a slow or dead mail server would hold the
 * transaction's locks and connection for up to the timeouts below, and a message cannot be taken back
 * when the transaction rolls back. Commit first, then deliver.
 */

export type MailOutcome = { status: "sent" } | { status: "not-configured" } | { status: "failed"; error: string };

export function mailIsConfigured(environment: Environment = readEnvironment()): boolean {
  return environment.SMTP_URL !== undefined;
}

/** Whether a message can go anywhere: sent through SMTP, or kept in the demo's mailbox. */
export function mailGoesSomewhere(environment: Environment = readEnvironment()): boolean {
  return mailIsConfigured(environment) || mailboxIsOn(environment);
}

export async function deliverMail(
  message: ComposedMail,
  options: { prisma?: Db; environment?: Environment } = {},
): Promise<MailOutcome & { kept: boolean }> {
  const environment = options.environment ?? readEnvironment();
  const [outcome, kept] = await Promise.all([
    send(message, environment),
    mailboxIsOn(environment) ? keep(message, options.prisma ?? getPrisma()) : false,
  ]);
  return { ...outcome, kept };
}

/**
 * Bounds on each step, so that a server that is down or silent answers within about fifteen seconds
 * rather than nodemailer's default of minutes; a person is waiting on the page that sends.
 */
const TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

/** One transport per server address and process, reused by every message (shared across Next.js's bundles). */
function transportFor(smtpUrl: string): Transporter {
  const transports = processShared("mail-transports", () => new Map<string, Transporter>());
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // Built from the URL by SMTPTransport itself: nodemailer.createTransport({ url }) would drop every other option, the timeouts with them.
    transport = nodemailer.createTransport(new SMTPTransport({ url: smtpUrl, ...TIMEOUTS }));
    transports.set(smtpUrl, transport);
  }
  return transport;
}

function senderOf(environment: Environment): string {
  return environment.MAIL_FROM ?? `Tandem <tandem@${new URL(publicOrigin(environment)).hostname}>`;
}

async function send(message: ComposedMail, environment: Environment): Promise<MailOutcome> {
  const smtpUrl = environment.SMTP_URL;
  if (smtpUrl === undefined) return { status: "not-configured" };
  try {
    await transportFor(smtpUrl).sendMail({ from: senderOf(environment), ...message });
    return { status: "sent" };
  } catch (error) {
    const server = new URL(smtpUrl);
    const detail = redact(error instanceof Error ? error.message : String(error), server);
    console.error(`Mail to ${message.to} ("${message.subject}") through ${server.hostname}:${server.port} failed: ${detail}`);
    return { status: "failed", error: explain(error, server, message.to) };
  }
}

/** The password never reaches the log, even if a server or library repeated it in a message. */
function redact(text: string, server: URL): string {
  const password = decodeURIComponent(server.password);
  return password ? text.split(password).join("***") : text;
}

/** A sentence for the person who asked for the mail: what went wrong, never a stack or a password. */
function explain(error: unknown, server: URL, to: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const address = `${server.hostname}${server.port ? `:${server.port}` : ""}`;
  switch (code) {
    case "EAUTH":
    case "ENOAUTH":
      return `The mail server ${address} refused Tandem's user name or password (SMTP_URL).`;
    case "ETIMEDOUT":
      return `The mail server ${address} did not answer in time.`;
    case "EENVELOPE":
      return `The mail server ${address} refused to send to ${to}.`;
    case "ETLS":
      return `Tandem could not set up a secure connection with the mail server ${address}.`;
    case "ECONNECTION":
    case "ESOCKET":
    case "EDNS":
      return `Tandem could not reach the mail server ${address}.`;
    default:
      return `The mail server ${address} did not accept the message.`;
  }
}

async function keep(message: ComposedMail, prisma: Db): Promise<boolean> {
  try {
    await keepInMailbox(prisma, message);
    return true;
  } catch (error) {
    console.error(`Could not keep the mail to ${message.to} in the mailbox:`, error instanceof Error ? error.message : error);
    return false;
  }
}
