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
