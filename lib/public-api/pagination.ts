import { AppError } from "@/lib/errors";

/**
 * Cursor pagination of /api/v1 lists: a page ends with the cursor of its last item (its position in the list's
 * order, opaque to clients), and the next page starts after it. Unlike page numbers, a cursor does not skip or
 * repeat an item when others are added or removed between two calls.
 */

export function encodeCursor(position: string | number): string {
  return Buffer.from(String(position), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const position = Buffer.from(cursor, "base64url").toString("utf8");
  if (!position || encodeCursor(position) !== cursor) {
    throw new AppError("invalid", "This cursor is not one of ours: use the next_cursor of the page before.", { fieldErrors: { cursor: ["Not a cursor of this list."] } });
  }
  return position;
}

/** A page from `limit + 1` rows read: the extra row, when there is one, only says that another page follows. */
export function pageFrom<Row, Item>(rows: Row[], limit: number, positionOf: (row: Row) => string | number, toItem: (row: Row) => Item) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(toItem), next_cursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null };
}
