import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { guardedLookup, refusedLiteral } from "./address-guard";

/**
 * One POST of a webhook, through node:http rather than fetch: its `lookup` option lets the connection resolve
 * the host through the address guard, so the address checked is the address connected to. Redirects are not
 * followed (a 3xx is a failure): a public endpoint must not bounce Tandem into a private one.
 */

export const POST_TIMEOUT_MS = 10_000;
const KEPT_ANSWER_CHARS = 200;

export type PostResult =
  { kind: "answered"; status: number; body: string } | { kind: "unreachable"; reason: string };

export function postWebhook(url: string, headers: Record<string, string>, body: string): Promise<PostResult> {
  const refused = refusedLiteral(url);
  if (refused) return Promise.resolve({ kind: "unreachable", reason: refused });
  const target = new URL(url);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    // The whole exchange, not only each silence, is bounded: an endpoint trickling bytes cannot hold a worker.
    const timer = setTimeout(
      () => request.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
      POST_TIMEOUT_MS,
    );
    const finish = (result: PostResult) => {
      clearTimeout(timer);
      resolve(result);
    };
    const request = send(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (text.length < KEPT_ANSWER_CHARS) text += chunk;
        });
        const answered = () =>
          finish({
            kind: "answered",
            status: response.statusCode ?? 0,
            body: text.slice(0, KEPT_ANSWER_CHARS),
          });
        response.on("end", answered);
        response.on("error", answered);
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({ kind: "unreachable", reason: describeFailure(error) }),
    );
    request.end(body);
  });
}

function describeFailure(error: NodeJS.ErrnoException): string {
  if (error.code === "ETIMEDOUT")
    return `The endpoint did not answer within ${POST_TIMEOUT_MS / 1000} seconds.`;
  if (error.code === "ENONPUBLIC") return `Refused: ${error.message}`;
  return `The endpoint could not be reached (${error.code ?? error.message}).`;
}
