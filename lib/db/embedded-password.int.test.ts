import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddedPasswordFile, readEmbeddedPassword, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

/** The embedded PostgreSQL's superuser: a random password per cluster, kept beside it, and the loopback interface only. */
describe("the embedded PostgreSQL's access", () => {
  let tempDir: string;
  let clusterDir: string;
  let server: EmbeddedDatabase | undefined;
  const start = async () => (server = await startEmbeddedPostgres({ dataDir: clusterDir, databaseName: "tandem", persistent: true }));
  const stop = async () => {
    await server?.stop();
    server = undefined;
  };
  const query = async (url: string, text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  const withPassword = (url: string, password: string) => {
    const changed = new URL(url);
    changed.password = password;
    return changed.toString();
  };

  beforeAll(async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "tandem-embedded-password-"));
    // As root the server runs as the `postgres` user and must enter the folder.
    await chmod(tempDir, 0o755);
    clusterDir = path.join(tempDir, "postgres");
  });
  afterAll(async () => {
    await stop();
    await rm(tempDir, { recursive: true, force: true });
  });

  it("gives a new cluster a random password, kept in a file only its owner reads, listening on 127.0.0.1 only", async () => {
    const { url } = await start();
    const password = readEmbeddedPassword(clusterDir)!;
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(new URL(url).password).toBe(password);
    expect((await stat(embeddedPasswordFile(clusterDir))).mode & 0o777).toBe(0o600);
    expect(await query(url, "SHOW listen_addresses")).toEqual([{ listen_addresses: "127.0.0.1" }]);
    await expect(query(withPassword(url, "tandem-embedded"), "SELECT 1")).rejects.toThrow(/password authentication failed/);
  });

  it("keeps the password across restarts", async () => {
    const before = readEmbeddedPassword(clusterDir);
    await stop();
    const { url } = await start();
    expect(new URL(url).password).toBe(before);
    expect(await query(url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("replaces the fixed password of a cluster made before, at its next start", async () => {
    // A cluster as earlier versions made it: the fixed password, and no file.
    await query(server!.url, "ALTER ROLE tandem PASSWORD 'tandem-embedded'");
    await stop();
    await rm(embeddedPasswordFile(clusterDir));
    const { url } = await start();
    const password = (await readFile(embeddedPasswordFile(clusterDir), "utf8")).trim();
    expect(password).not.toBe("tandem-embedded");
    expect(new URL(url).password).toBe(password);
    expect(await query(url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    await expect(query(withPassword(url, "tandem-embedded"), "SELECT 1")).rejects.toThrow(/password authentication failed/);
  });
});
