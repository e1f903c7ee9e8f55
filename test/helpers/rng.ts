/**
 * A small seeded PRNG (mulberry32) and helpers, so that fuzzers and randomised tests replay exactly from
 * a seed. Not for anything but tests and benchmarks.
 */
export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export const int = (rng: Rng, n: number) => Math.floor(rng() * n);
/** A random element, or undefined for an empty list. */
export const pick = <T>(rng: Rng, xs: readonly T[]): T | undefined =>
  xs.length ? xs[int(rng, xs.length)] : undefined;
/** A random element of a list that is never empty. */
export const pickOne = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;
export const chance = (rng: Rng, p: number) => rng() < p;

/** Fisher–Yates, in place. */
export function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}
