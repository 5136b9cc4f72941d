import { readEnvironment } from "@/lib/config/environment";
import { processShared } from "@/lib/db/process-shared";

/**
 * A bounded table of values kept between requests: at most `maxEntries` (the least recently used go
 * first: every read moves its row to the end) and none older than `maxAgeMs`, so nothing is kept forever
 * and memory stays bounded whatever the organisation's size.
 */
export class KeptTable<T> {
  private readonly rows = new Map<string, { value: T; storedAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeMs: number,
  ) {}

  get(key: string, now = Date.now()): T | undefined {
    const row = this.rows.get(key);
    if (!row) return undefined;
    this.rows.delete(key);
    if (now - row.storedAt >= this.maxAgeMs) return undefined;
    this.rows.set(key, row);
    return row.value;
  }

  /** The value as kept, without counting as a use: to check that a row is still the one a caller replaces. */
  peek(key: string): T | undefined {
    return this.rows.get(key)?.value;
  }

  set(key: string, value: T, now = Date.now()): void {
    this.rows.delete(key);
    if (this.rows.size >= this.maxEntries) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(key, { value, storedAt: now });
  }

  delete(key: string): void {
    this.rows.delete(key);
  }

  clear(): void {
    this.rows.clear();
  }
}

/**
 * The table of that name, one per process in production: Next.js bundles a module once per layer (pages,
 * route handlers), and two copies of a table would be filled and brought up to date twice. In
 * development each evaluation of the module gets its own, so that figures computed by code since edited
 * are not served after a hot reload (the data version does not change when the code does).
 */
export function keptTable<T>(name: string, maxEntries: number, maxAgeMs: number): KeptTable<T> {
  const create = () => new KeptTable<T>(maxEntries, maxAgeMs);
  return readEnvironment().NODE_ENV === "production" ? processShared(`kept.${name}`, create) : create();
}
