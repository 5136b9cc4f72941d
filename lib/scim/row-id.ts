import type { Tx } from "@/lib/auth/write-policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { parseId } from "@/lib/people/schemas";

/**
 * A SCIM id as the id of Tandem's row (a person's or a team's), or null when it names none. For a write the row
 * is locked, so that two provider requests about one person or team apply one after the other.
 */
export async function rowIdOf(
  id: string,
  table: "Person" | "Team",
  db: Db | Tx,
  lock: boolean,
): Promise<number | null> {
  const rowId = parseId(id);
  if (rowId !== null && lock)
    await db.$queryRaw`SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE id = ${rowId} FOR UPDATE`;
  return rowId;
}
