// The one seeded PRNG of the tests, fuzzers, vector builder and benchmarks (imports nothing).

/**
 * A seeded PRNG (mulberry32) for tests and fuzzers: r() in [0, 1), r.int(n) in [0, n), r.pick(a),
 * r.chance(p). The same seed gives the same sequence in every runtime.
 */
export interface Rng {
  (): number;
  int(n: number): number;
  pick<T>(a: readonly T[]): T;
  chance(p: number): boolean;
}

export function rng(seed: number): Rng {
  let s = seed >>> 0;
  const next = (() => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  next.int = (n) => Math.floor(next() * n);
  next.pick = <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)]!;
  next.chance = (p) => next() < p;
  return next;
}
