import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A chat service or webhook endpoint standing in for Slack's, Teams' or an organisation's receiver in tests: an
 * HTTP server on 127.0.0.1 that keeps every request it gets (headers and raw body too, so a test can verify a
 * signature over the exact bytes) and answers with the status the test chooses (200 by default).
 */

export interface ReceivedPost {
  path: string;
  contentType: string | undefined;
  body: unknown;
  rawBody: string;
  headers: Record<string, string>;
}

export interface WebhookReceiver {
  /** The webhook URL, with a path that looks like a secret. */
  url: string;
  received: ReceivedPost[];
  /** What the next requests are answered. */
  answer: (status: number, body?: string) => void;
  /** Keeps every request waiting for its answer (as a slow receiver does) until the function returned is called. */
  hold: () => () => void;
  close: () => Promise<void>;
}

export async function startWebhookReceiver(secretPath = "/services/T000/B000/s3cr3t-t0ken-a1b2"): Promise<WebhookReceiver> {
  const received: ReceivedPost[] = [];
  let reply = { status: 200, body: "ok" };
  let held: Promise<void> | null = null;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text: the test then sees it was not JSON.
      }
      const headers = Object.fromEntries(Object.entries(request.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])));
      received.push({ path: request.url ?? "", contentType: request.headers["content-type"], body, rawBody: text, headers });
      const { status, body: answer } = reply;
      void (held ?? Promise.resolve()).then(() => response.writeHead(status, { "content-type": "text/plain" }).end(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${secretPath}`,
    received,
    answer: (status, body = "") => {
      reply = { status, body };
    },
    hold: () => {
      let release = () => {};
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
