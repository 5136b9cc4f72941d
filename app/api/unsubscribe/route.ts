import { errorResponse } from "@/lib/api/error-response";
import { unsubscribeOneClick } from "@/lib/notifications/one-click-unsubscribe";

/**
 * A mail client's one-click unsubscribe (RFC 8058). Public on purpose, without writeRoute (there is no session
 * and no same-origin page): the signed token in the URL is the authority (lib/notifications/one-click-unsubscribe.ts),
 * and the write is audited with the person as its actor.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    return Response.json({ ok: true, data: await unsubscribeOneClick(request) });
  } catch (error) {
    return errorResponse(error);
  }
}
