"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { unsubscribe } from "@/lib/notifications/unsubscribe";

/**
 * The page's one button: turns off the mail its signed token names, then shows the page again (now saying the
 * mails are off). Public on purpose: the person opened the link from their mail, often without a session, and
 * the token is the authority (lib/notifications/unsubscribe.ts).
 */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  try {
    await unsubscribe(token);
  } catch (error) {
    // A token that is not ours: the page says so, as it would have on opening.
    if (!(error instanceof AppError)) throw error;
  }
  redirect(`/unsubscribe?token=${encodeURIComponent(token)}`);
}
