import pg from "pg";

/**
 * Every table's rows as one fingerprint (row count and a hash of the sorted rows, per table), so that
 * "restored" means byte-for-byte the same data and "refused" means not one row changed anywhere.
 */
export async function fingerprintDatabase(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fingerprintThrough(client);
  } finally {
    await client.end();
  }
}

/** The same, through a connection the caller keeps open (for tests that take hundreds of fingerprints). */
export async function fingerprintThrough(client: pg.ClientBase): Promise<Record<string, string>> {
  const tables = (
    await client.query<{ name: string }>(
      // The epoch is the database's own marker, new after every restore by design: not the organisation's data.
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'DatabaseEpoch') ORDER BY 1`,
    )
  ).rows.map((row) => row.name);
  const perTable = tables.map(
    (table, index) => `SELECT ${index} AS i, count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${table}" t`,
  );
  const rows = (await client.query<{ i: number; n: number; hash: string }>(perTable.join(" UNION ALL "))).rows;
  return Object.fromEntries(rows.map((row) => [tables[row.i]!, `${row.n}:${row.hash}`]));
}
