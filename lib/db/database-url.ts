import { readEnvironment } from "@/lib/config/environment";

/** The database the app, the CLI and the tests talk to; start-up sets it for the embedded server. */
export function requireDatabaseUrl(): string {
  const url = readEnvironment().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (embedded PostgreSQL) or set DATABASE_URL.",
    );
  }
  return url;
}

/** The same server with another database name, e.g. a throwaway test database. */
export function withDatabaseName(databaseUrl: string, databaseName: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export function databaseNameOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
}

/** The URL with its password hidden, for logs. */
export function redactDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}
