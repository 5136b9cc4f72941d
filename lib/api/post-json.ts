import type { WriteResult } from "./write-route";

/**
 * The browser side of `writeRoute`: sends the request and returns its result, never throwing for a
 * refusal or a network failure, so the caller always has a sentence to show.
 */
export async function sendWrite<Data>(url: string, init: RequestInit): Promise<WriteResult<Data>> {
  try {
    const response = await fetch(url, init);
    const result = (await response.json().catch(() => null)) as WriteResult<Data> | null;
    if (result && typeof result === "object" && "ok" in result) return result;
    return { ok: false, code: "internal", error: `The server answered ${response.status}. Nothing was saved.` };
  } catch {
    return { ok: false, code: "unavailable", error: "The server could not be reached. Check your connection and try again." };
  }
}

/** A JSON write: POST, PUT, PATCH or DELETE. */
export function postJson<Data>(url: string, body: unknown, method: "POST" | "PUT" | "PATCH" | "DELETE" = "POST"): Promise<WriteResult<Data>> {
  return sendWrite<Data>(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}
