import type pg from "pg";

/**
 * Loading millions of rows is several times faster without foreign keys (checked row by row) and
 * secondary indexes (updated row by row) than with them: they are dropped before the load and made
 * again after it, from their own definitions, which also proves the generated rows satisfy them.
 */
export interface DeferredSchema {
  indexes: { table: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

export async function dropForBulkLoad(client: pg.Client, tables: readonly string[]): Promise<DeferredSchema> {
  const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  );
  const { rows: indexes } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS definition
     FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')
     ORDER BY 1, 2`,
    [tables],
  );
  for (const key of foreignKeys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  return {
    indexes: indexes.map(({ table, definition }) => ({ table, definition })),
    foreignKeys,
  };
}

/** Recreates indexes and then foreign keys, one table per connection at a time. */
export async function restoreAfterBulkLoad(
  clients: readonly pg.Client[],
  deferred: DeferredSchema,
): Promise<void> {
  const byTable = <Item extends { table: string }>(items: Item[]) => {
    const groups = new Map<string, Item[]>();
    for (const item of items) {
      const group = groups.get(item.table);
      if (group) group.push(item);
      else groups.set(item.table, [item]);
    }
    return [...groups.values()];
  };
  await runSpread(clients, byTable(deferred.indexes), async (client, group) => {
    for (const index of group) await client.query(index.definition);
  });
  await runSpread(clients, byTable(deferred.foreignKeys), async (client, group) => {
    for (const key of group)
      await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT "${key.name}" ${key.definition}`);
  });
}

async function runSpread<Job>(
  clients: readonly pg.Client[],
  jobs: Job[],
  run: (client: pg.Client, job: Job) => Promise<void>,
): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    clients.map(async (client) => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) await run(client, job);
    }),
  );
}
