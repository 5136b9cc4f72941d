import type { Metadata } from "next";
import Link from "next/link";
import { describeUnsubscribe } from "@/lib/notifications/unsubscribe";
import { AuthCard } from "../_components/auth-card";
import { unsubscribeAction } from "./actions";

// The address carries the token: it is not sent on to other sites.
export const metadata: Metadata = { title: "Stop these mails", referrer: "no-referrer" };

/**
 * Opened from the footer of a mail: says which mails the link stops and asks before stopping them. Opening it
 * writes nothing (a link scanner may open it); the button does, through a server action.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const request = await describeUnsubscribe(token);
  if (!request) {
    return (
      <AuthCard lede="This link does not work.">
        <p className="notice notice-warning" role="alert" data-testid="unsubscribe-invalid">
          This unsubscribe link is not valid: check that it was copied whole. You can also choose which mails you get in
          Tandem, under My account.
        </p>
        <p className="auth-footer">
          <Link href="/account#notifications">Open My account</Link>
        </p>
      </AuthCard>
    );
  }
  const what = <strong>“{request.label}”</strong>;
  return (
    <AuthCard lede={`Mail from Tandem to ${request.email}`}>
      {request.mailOn ? (
        <form action={unsubscribeAction} className="form">
          <input type="hidden" name="token" value={token} />
          <p data-testid="unsubscribe-question">
            Stop the mails about {what}? Other mails, and Tandem&apos;s inbox, stay as they are.
          </p>
          <button type="submit" className="button button-primary">
            Stop these mails
          </button>
        </form>
      ) : (
        <p className="notice notice-success" role="status" data-testid="unsubscribe-done">
          You no longer get mails about {what}. You can turn them on again in My account.
        </p>
      )}
      <p className="auth-footer">
        <Link href="/account#notifications">Choose which mails you get</Link>
      </p>
    </AuthCard>
  );
}
