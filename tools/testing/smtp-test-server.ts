import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for tests, on a free port of 127.0.0.1: it insists on a user name and password, as
 * production servers do, so SMTP_URL carries credentials, and parses every message it accepts. No TLS:
 * STARTTLS is not offered and plain-text AUTH is accepted, which a production server would refuse.
 */
export const SMTP_TEST_USER = "tandem-test";
export const SMTP_TEST_PASSWORD = "smtp-test-password";

export interface SmtpTestServer {
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  port: number;
  /** Every message accepted so far, in the order they arrived. */
  messages: ParsedMail[];
  /** The first message, received already or later, that matches; rejects after `timeoutMs`. */
  waitForMessage(predicate?: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/**
 * `accept`, when given, decides each message once it has arrived whole, before the server answers: a test can
 * hold the answer (a worker killed meanwhile never learns it was sent) and refuse it. Refused messages are not
 * in `messages`.
 */
export async function startSmtpTestServer(options: { accept?: (message: ParsedMail) => Promise<boolean> } = {}): Promise<SmtpTestServer> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_TEST_USER && auth.password === SMTP_TEST_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (options.accept && !(await options.accept(parsed))) return callback(new Error("Refused by the test"));
          messages.push(parsed);
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("The SMTP test server has no TCP port");
  const port = address.port;

  const waitForMessage = (predicate: (message: ParsedMail) => boolean = () => true, timeoutMs = 10_000) =>
    new Promise<ParsedMail>((resolve, reject) => {
      const check = () => {
        const found = messages.find(predicate);
        if (!found) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`No matching message reached the SMTP test server within ${timeoutMs} ms (${messages.length} received)`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    url: `smtp://${SMTP_TEST_USER}:${SMTP_TEST_PASSWORD}@127.0.0.1:${port}`,
    port,
    messages,
    waitForMessage,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
