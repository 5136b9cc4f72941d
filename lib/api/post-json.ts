import type { WriteResult } from "./write-route";

/** The browser side of `writeRoute`: posts JSON and returns its result, never throwing for a refusal. */
export async function postJson<Data>(url: string, body: unknown, method: "POST" | "PATCH" | "DELETE" = "POST"): Promise<WriteResult<Data>> {
  try {
    const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const result = (await response.json().catch(() => null)) as WriteResult<Data> | null;
    if (result && typeof result === "object" && "ok" in result) return result;
    return { ok: false, code: "internal", error: `The server answered ${response.status}. Nothing was saved.` };
  } catch {
    return { ok: false, code: "unavailable", error: "The server could not be reached. Check your connection and try again." };
  }
}
