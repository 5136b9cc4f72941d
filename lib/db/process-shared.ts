import { readEnvironment } from "@/lib/config/environment";

/**
 * One value per server process. Next.js bundles a module once per layer (pages, route handlers), so a
 * module-level cache would be kept, filled and brought up to date once per layer: twice the memory and
 * twice the work after every write. Values kept here are shared by every copy of the code.
 */
export function processShared<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(`tandem.${name}`);
  if (!(key in store)) store[key] = create();
  return store[key] as T;
}

/**
 * A cache of figures derived from the data: one per process in production, like `processShared`. In
 * development each evaluation of the module gets its own, so that figures computed by code since edited
 * are not served after a hot reload (the data version does not change when the code does).
 */
export function processCache<T>(name: string, create: () => T): T {
  return readEnvironment().NODE_ENV === "production" ? processShared(name, create) : create();
}
