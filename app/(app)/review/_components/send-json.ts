import type { WriteResult } from "@/lib/api/write-route";

/**
 * Like `postJson`, with PUT as well: a decision is a PUT of the cell's item. Never throws for a refusal
 * or a network failure; the caller shows the sentence it returns.
 */
export async function sendJson<Data>(url: string, body: unknown, method: "PUT" | "POST" | "DELETE"): Promise<WriteResult<Data>> {
  try {
    const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const result = (await response.json().catch(() => null)) as WriteResult<Data> | null;
    if (result && typeof result === "object" && "ok" in result) return result;
    return { ok: false, code: "internal", error: `The server answered ${response.status}. Nothing was saved.` };
  } catch {
    return { ok: false, code: "unavailable", error: "The server could not be reached. Check your connection: this decision was not saved." };
  }
}
