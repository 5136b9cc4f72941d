/** The command line of `npm run loadtest`. */

export interface LoadTestOptions {
  users: number;
  durationSeconds: number;
  /** The server to load; null starts a throwaway one with the demo organisation. */
  url: string | null;
}

export const LOADTEST_USAGE = "Usage: npm run loadtest [-- --users 50 --duration 60 --url http://host:port]";

const DEFAULTS: LoadTestOptions = { users: 50, durationSeconds: 60, url: null };

/** Reads `--name value` and `--name=value`; throws an Error whose message says what is wrong. */
export function parseLoadTestArgs(args: readonly string[]): LoadTestOptions {
  const options = { ...DEFAULTS };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const [name, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => {
      const next = inline ?? args[++index];
      if (next === undefined || next === "") throw new Error(`${name} needs a value.`);
      return next;
    };
    switch (name) {
      case "--users":
        options.users = wholeNumber(name, value(), 1, 500);
        break;
      case "--duration":
        options.durationSeconds = wholeNumber(name, value(), 1, 3_600);
        break;
      case "--url":
        options.url = serverOrigin(value());
        break;
      default:
        throw new Error(`Unknown argument "${arg}".`);
    }
  }
  return options;
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < min || number > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return number;
}

function serverOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--url must be the server's address, such as http://localhost:3000, not "${text}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`--url must start with http:// or https://, not "${text}".`);
  return url.origin;
}
