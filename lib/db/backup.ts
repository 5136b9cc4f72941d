import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { applyMigrations, NEW_DATABASE_EPOCH } from "./migrate";

/**
 * Backups in PostgreSQL's own COPY format, the data section of a plain `pg_dump`: one
 * `COPY "Table" (columns) FROM stdin;` block per table, parents before children, gzip-compressed.
 * pg_dump itself is not an option here: the embedded server's npm package ships no client tools and the
 * distribution's pg_dump is older than the server, which pg_dump refuses. COPY needs neither, works on a
 * managed PostgreSQL too, and reads every table in one consistent snapshot while the app keeps running.
 */

const FORMAT_LINE = "-- Tandem backup, format 1";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COPY_LINE = /^COPY "([A-Za-z_][A-Za-z0-9_]*)" \(((?:"[A-Za-z_][A-Za-z0-9_]*", )*"[A-Za-z_][A-Za-z0-9_]*")\) FROM stdin;$/;

export class BackupError extends Error {}

export interface BackupSummary {
  tables: { table: string; rows: number }[];
  migrations: string[];
}

/** The app's tables (not Prisma's bookkeeping), parents before the tables that reference them. */
async function listTablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    )
  ).rows.map((row) => row.name);
  const references = (
    await client.query<{ child: string; parent: string }>(
      `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace
       WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid`,
    )
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const reference of references) if (reference.child === table) visit(reference.parent);
    visiting.delete(table);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

async function listColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = format('%I', $1::text)::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table],
  );
  return result.rows.map((row) => row.name);
}

async function listAppliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return result.rows.map((row) => row.name);
}

const quote = (identifier: string) => {
  if (!IDENTIFIER.test(identifier)) throw new BackupError(`Unexpected identifier: ${identifier}`);
  return `"${identifier}"`;
};

/** Writes a backup of the database at `databaseUrl` to `file` (gzip), readable by its owner only: it holds password hashes. */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file, { flags: "wx", mode: 0o600 }));
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, "drain");
  };
  const summary: BackupSummary = { tables: [], migrations: [] };
  try {
    // One snapshot for every table, so rows that reference each other are consistent.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    summary.migrations = await listAppliedMigrations(client);
    await write(`${FORMAT_LINE}\n-- created ${new Date().toISOString()}\n-- migrations ${summary.migrations.join(",")}\n`);
    for (const table of await listTablesInDependencyOrder(client)) {
      const columns = (await listColumns(client, table)).map(quote).join(", ");
      await write(`COPY ${quote(table)} (${columns}) FROM stdin;\n`);
      let rows = 0;
      const source = client.query(copyTo(`COPY ${quote(table)} (${columns}) TO STDOUT`));
      for await (const chunk of source) {
        rows += countNewlines(chunk as Buffer);
        if (!gzip.write(chunk)) await once(gzip, "drain");
      }
      await write("\\.\n");
      summary.tables.push({ table, rows });
    }
    await client.query("COMMIT");
    gzip.end();
    await written;
    return summary;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into the database at `databaseUrl`: brings its schema up to date, then replaces every
 * table's rows in one transaction, so a damaged file leaves the database as it was. A database that holds
 * data is only overwritten with `force`.
 */
export async function restoreDatabase(databaseUrl: string, file: string, { force = false } = {}): Promise<BackupSummary> {
  await applyMigrations(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const summary: BackupSummary = { tables: [], migrations: [] };
  let lines: ReturnType<typeof createInterface> | undefined;
  try {
    const tables = await listTablesInDependencyOrder(client);
    const applied = await listAppliedMigrations(client);
    if (!force) {
      const counts = await Promise.all(tables.map(async (table) => (await client.query(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`)).rows[0].any as boolean));
      const holding = tables.filter((_table, i) => counts[i]);
      // The default catalog is created on every start; only people, assets or assignments count as data.
      if (holding.some((table) => ["Person", "Asset", "Assignment", "Team"].includes(table))) {
        throw new BackupError("The database already holds data; restoring would replace all of it. Run again with --force to do so.");
      }
    }
    await client.query("BEGIN");
    // The backup holds the attribute history: its rows must not open periods of their own as they are copied.
    await client.query("SET LOCAL tandem.restoring = 'on'");
    await client.query(`TRUNCATE ${tables.map(quote).join(", ")} RESTART IDENTITY CASCADE`);

    // Created just before reading: readline drops the lines it reads before the loop asks for them.
    lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    let copy: ReturnType<typeof copyFrom> | null = null;
    let copyDone: Promise<unknown> | null = null;
    let current: { table: string; rows: number } | null = null;
    for await (const line of lines) {
      lineNumber += 1;
      if (lineNumber === 1) {
        if (line !== FORMAT_LINE) throw new BackupError(`${file} is not a Tandem backup.`);
        continue;
      }
      if (copy && current) {
        if (line === "\\.") {
          copy.end();
          await copyDone;
          summary.tables.push(current);
          copy = null;
          current = null;
        } else {
          current.rows += 1;
          if (!copy.write(`${line}\n`)) await once(copy, "drain");
        }
        continue;
      }
      if (line.startsWith("-- migrations ")) {
        summary.migrations = line.slice("-- migrations ".length).split(",").filter(Boolean);
        const unknown = summary.migrations.filter((name) => !applied.includes(name));
        if (unknown.length) throw new BackupError(`The backup comes from a newer version of Tandem (migrations ${unknown.join(", ")}): upgrade first.`);
        continue;
      }
      if (line.startsWith("--") || line === "") continue;
      const match = COPY_LINE.exec(line);
      if (!match || !tables.includes(match[1]!)) throw new BackupError(`Line ${lineNumber} of ${file} is not a table of this database: ${line.slice(0, 80)}`);
      current = { table: match[1]!, rows: 0 };
      copy = client.query(copyFrom(line.replace(/ FROM stdin;$/, " FROM STDIN")));
      copyDone = once(copy, "finish");
      // A failed COPY rejects here rather than as an unhandled error event.
      copyDone.catch(() => undefined);
    }
    if (copy) throw new BackupError(`${file} ends in the middle of table ${current?.table}: the backup is incomplete.`);
    // Identity columns continue after the restored rows, so the next insert does not collide.
    const serials = await client.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const { table, column } of serials.rows) {
      if (!tables.includes(table)) continue;
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(column)}), 1), count(*) > 0) FROM ${quote(table)}`,
        [quote(table), column],
      );
    }
    // A backup made before the attribute history existed gets its first periods, as the migration gave them.
    await client.query("SET LOCAL tandem.restoring = 'off'");
    await client.query(`SELECT "tandem_open_missing_periods"()`);
    // The restored rows hold the epoch of the backup's time; app instances may have kept figures from then.
    await client.query(NEW_DATABASE_EPOCH);
    await client.query("COMMIT");
    return summary;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    lines?.close();
    await client.end();
  }
}

function countNewlines(chunk: Buffer): number {
  let count = 0;
  for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) count += 1;
  return count;
}
