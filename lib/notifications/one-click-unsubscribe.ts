import { AppError } from "@/lib/errors";
import { limitBytes } from "@/lib/validation/limit-bytes";
import { getPrisma, type Db } from "@/lib/db/client";
import { unsubscribe } from "./unsubscribe";

/** The RFC's body is 26 bytes; anything much longer is not a mail client's one-click request. */
const MAX_BODY_BYTES = 1024;

/**
 * One-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click`, form-encoded, to the URL of
 * a mail's `List-Unsubscribe` header, with no session and from no page of ours. The signed token in the URL is
 * the only authority, and it can only turn one kind of mail off for the person it was made for. The RFC's body is
 * required, so that a stray POST to the link (or a scanner following it) is not taken for one.
 */
export async function unsubscribeOneClick(request: Request, db: Db = getPrisma()): Promise<{ kind: string; channel: "mail"; enabled: false }> {
  const form = new URLSearchParams(await readSmallBody(request));
  if (form.get("List-Unsubscribe") !== "One-Click") throw new AppError("invalid", "Send List-Unsubscribe=One-Click (RFC 8058).");
  const done = await unsubscribe(new URL(request.url).searchParams.get("token"), db);
  return { kind: done.kind, channel: "mail", enabled: false };
}

async function readSmallBody(request: Request): Promise<string> {
  const body = limitBytes(request.body, MAX_BODY_BYTES, () => new AppError("too-large"));
  try {
    return await new Response(body.stream).text();
  } catch (error) {
    if (body.exceeded()) throw new AppError("too-large");
    throw error;
  }
}
