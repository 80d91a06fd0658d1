/**
 * A small seeded pseudo-random generator for synthetic data. Demo and benchmark databases must come out
 * byte-for-byte the same for a given seed, so nothing here reads the clock or `Math.random`.
 *
 * The core is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, a period of
 * at least 2^32, good statistical quality and only 32-bit integer operations, which V8 runs quickly. That
 * matters because a million-referral benchmark draws well over a billion numbers.
 */

const TWO_POW_32 = 4_294_967_296;

/** Lower-case hex for every byte value, so a UUID is built from table lookups instead of `toString(16)`. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const hex8 = (x: number): string =>
  (HEX[x >>> 24] as string) + (HEX[(x >>> 16) & 255] as string) + (HEX[(x >>> 8) & 255] as string) + (HEX[x & 255] as string);
const hex4 = (x: number): string => (HEX[(x >>> 8) & 255] as string) + (HEX[x & 255] as string);

/** splitmix32: spreads a small or sequential seed over all the bits sfc32's state needs. */
function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * `stream` picks one of 2^32 independent sequences for the same seed. Sub-generators keyed by a counter
   * use it: two different (seed, stream) pairs always start from different states, whereas 32-bit seeds
   * drawn at random would collide after some tens of thousands of draws.
   */
  constructor(seed: number, stream = 0) {
    if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);
    // Seeds above 2^32 (such as 20261122 * 1000) still have to change the stream, so fold the high part in.
    const low = seed >>> 0;
    const high = Math.floor(Math.abs(seed) / TWO_POW_32) >>> 0;
    const mix = splitmix32(low ^ Math.imul(high, 0x27d4eb2d));
    this.a = mix();
    // sfc32's step is a bijection, so distinct starting states never merge into the same sequence.
    this.b = (mix() ^ stream) | 0;
    this.c = mix();
    this.d = mix();
    // The first outputs of a freshly seeded sfc32 are still correlated with the seed.
    for (let i = 0; i < 12; i += 1) this.uint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** An index into `weights`, each chosen in proportion to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    if (!(total > 0)) throw new RangeError('weightedIndex() needs at least one positive weight');
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i += 1) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** One of `items`, chosen in proportion to `weights` (same length). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length !== weights.length) throw new RangeError('weighted(): items and weights differ in length');
    return items[this.weightedIndex(weights)] as T;
  }

  /** Fisher–Yates, in place; returns the same array for chaining. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** `count` distinct items in random order (all of them when `count` is larger than the list). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i += 1) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    copy.length = n;
    return copy;
  }

  /** A calendar date `YYYY-MM-DD` from `from` to `to`, both included. */
  dateBetween(from: string, to: string): string {
    const start = Date.parse(`${from}T00:00:00.000Z`);
    const end = Date.parse(`${to}T00:00:00.000Z`);
    if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError(`dateBetween(${from}, ${to}): not YYYY-MM-DD dates`);
    const day = this.int(Math.round(start / 86_400_000), Math.round(end / 86_400_000));
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
  }

  /**
   * An RFC 4122 version-4 UUID (random variant) drawn from this stream, so record ids are reproducible
   * for a seed and still look like — and validate as — ordinary v4 UUIDs.
   */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      hex8(a) +
      '-' +
      hex4(b >>> 16) +
      '-' +
      hex4((b & 0x0fff) | 0x4000) +
      '-' +
      hex4(((c >>> 16) & 0x3fff) | 0x8000) +
      '-' +
      hex4(c & 0xffff) +
      hex8(d)
    );
  }

  /** A new, independent generator seeded from this one: lets a sub-task draw numbers without shifting the rest. */
  fork(): Random {
    return new Random(this.uint32());
  }
}
