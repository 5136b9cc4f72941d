import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type CopyValue = string | number | boolean | Date | null;

/** One value in PostgreSQL's COPY text format: `\N` for null, backslash escapes for the separators. */
export function copyText(value: CopyValue): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "string") return String(value);
  return value.replace(/[\\\t\n\r]/g, (char) =>
    char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r",
  );
}

export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyText).join("\t")}\n`;
}

const FLUSH_AT = 256 * 1024;

/**
 * Rows into one table through COPY FROM STDIN, buffered into large writes. Several writers on separate
 * connections can be fed from one pass over the data. `add` is synchronous (millions of rows must not
 * cost a promise each) and says when the buffer is full; the caller then awaits `flush`, which waits
 * for the stream to drain.
 */
export class CopyWriter {
  private readonly stream: ReturnType<typeof copyFrom>;
  private readonly done: Promise<unknown>;
  private buffer = "";
  rows = 0;

  constructor(client: pg.Client, table: string, columns: readonly string[]) {
    this.stream = client.query(
      copyFrom(`COPY "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`),
    );
    this.done = once(this.stream, "finish");
    // Errors surface through `done` (once rejects on "error"); this keeps them from going unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  /** Returns true when the caller should `await flush()` before adding more. */
  add(values: readonly CopyValue[]): boolean {
    this.buffer += copyLine(values);
    this.rows += 1;
    return this.buffer.length >= FLUSH_AT;
  }

  /** Adds every row, flushing as needed; for sources that are not shared with other writers. */
  async addAll(rows: Iterable<readonly CopyValue[]>): Promise<void> {
    for (const row of rows) if (this.add(row)) await this.flush();
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.done;
    return this.rows;
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = "";
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, "drain"), this.done]);
  }
}

/** A whole table through one COPY: the rows a source that no other writer shares. Returns how many. */
export async function copyTable(client: pg.Client, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  const writer = new CopyWriter(client, table, columns);
  await writer.addAll(rows);
  return writer.end();
}
