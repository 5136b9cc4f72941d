import type { Db } from "@/lib/db/client";

/**
 * A crash in the middle of a write, without a hook in the code under test: the `nth` row inserted into
 * `table` (counted across transactions until the trap is removed) makes its database session terminate
 * itself, exactly as if the server process serving it had died. PostgreSQL then discards the open
 * transaction, and the client sees its connection cut. Returns the function that removes the trap.
 */
export async function crashOnInsert(db: Db, table: string, nth: number): Promise<() => Promise<void>> {
  if (!/^[A-Za-z]+$/.test(table) || !Number.isInteger(nth) || nth < 1) throw new Error("crashOnInsert: a table name and a row number");
  const name = `test_crash_on_insert_${table.toLowerCase()}`;
  await db.$executeRawUnsafe(`CREATE SEQUENCE ${name}`);
  await db.$executeRawUnsafe(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('${name}') = ${nth} THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
      RETURN NEW;
    END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    await db.$executeRawUnsafe(`DROP SEQUENCE ${name}`);
  };
}
