/**
 * The bench's seeded randomness: the same seed always builds the same organisation, so two runs of the
 * bench (and two machines) measure the same data.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, below). */
  below(below: number): number;
  chance(probability: number): boolean;
  pick<Item>(items: readonly Item[]): Item;
  /** An index chosen with probability proportional to its weight (`cumulative` holds running sums). */
  weighted(cumulative: readonly number[]): number;
}

/** mulberry32: tiny, fast and good enough to shape test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    next,
    below,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("Cannot pick from an empty list");
      return items[below(items.length)]!;
    },
    weighted: (cumulative) => {
      const total = cumulative.at(-1) ?? 0;
      const target = next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! > target) high = middle;
        else low = middle + 1;
      }
      return low;
    },
  };
}

/**
 * A seed derived from a base seed and some numbers (FNV-1a over their bytes), so that one part of the
 * organisation (a review, a cell) draws the same numbers however much was drawn before it.
 */
export function deriveSeed(base: number, ...parts: number[]): number {
  let hash = 0x811c9dc5 ^ (base >>> 0);
  for (const part of parts) {
    let value = part >>> 0;
    for (let byte = 0; byte < 4; byte++) {
      hash ^= value & 0xff;
      hash = Math.imul(hash, 0x01000193) >>> 0;
      value >>>= 8;
    }
  }
  return hash >>> 0;
}

export function cumulativeOf(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}
