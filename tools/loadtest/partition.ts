/**
 * Gives every key (a cell, or a review item) to exactly one of the users allowed to write it, as evenly
 * as possible. With one writer per key, which sends one request at a time, the last acknowledged write
 * of a key is also the last one committed, so the check afterwards can compare it with the database
 * exactly. Users of the same account share its candidates; a shared cell of two teams goes to one user.
 */
export function assignExclusively(candidates: ReadonlyMap<number, readonly string[]>): Map<number, string[]> {
  const writersOf = new Map<string, number[]>();
  for (const [user, keys] of candidates) {
    for (const key of new Set(keys)) {
      const writers = writersOf.get(key) ?? [];
      writers.push(user);
      writersOf.set(key, writers);
    }
  }
  const assigned = new Map<number, string[]>([...candidates.keys()].map((user) => [user, []]));
  // The most constrained keys first, so that keys many users may take fill in around them.
  const keys = [...writersOf.keys()].sort(
    (a, b) => writersOf.get(a)!.length - writersOf.get(b)!.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const key of keys) {
    const writers = writersOf.get(key)!;
    const least = writers.reduce((best, user) => {
      const load = assigned.get(user)!.length;
      const bestLoad = assigned.get(best)!.length;
      return load < bestLoad || (load === bestLoad && user < best) ? user : best;
    });
    assigned.get(least)!.push(key);
  }
  return assigned;
}
