/**
 * A small seeded pseudo-random generator (sfc32, seeded through cyrb128), so that a generated graph
 * depends on its seed alone: no Math.random, no clock. Each part of the generator draws from its
 * own stream (`derive`), so that changing how events are drawn does not reshuffle the actors.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = cyrb128(seed);
    // The first outputs of sfc32 still show the seed's structure; skip them.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** An independent stream for one part of the generator. */
  static derive(seed: string, label: string): Random {
    return new Random(`${seed}\u0000${label}`);
  }

  /** A float in [0, 1). */
  next(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One key of a weight table, with probability proportional to its weight. */
  weighted<K extends string | number>(table: readonly (readonly [K, number])[]): K {
    const total = table.reduce((sum, [, w]) => sum + w, 0);
    let u = this.next() * total;
    for (const [key, weight] of table) {
      u -= weight;
      if (u < 0) return key;
    }
    return table[table.length - 1][0];
  }

  /** A new array with the items in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** Up to n distinct items. */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}

/** Hashes a string to four 32-bit words (cyrb128), the state of sfc32. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Draws indexes 0..n-1 with probability proportional to 1 / (rank + 1 + offset)^exponent: Zipf's
 * law (Zipf-Mandelbrot with an offset), the shape of who appears in the news: a few hubs, a long
 * tail. The offset flattens the very top, so that the first hub is not in a fifth of all stories
 * at a million events, while the top 1% still hold about half of all mentions. Ranks are the index
 * order; callers shuffle what they index so that hubs are not always the first items of a list.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    exponent: number,
    offset = 0,
  ) {
    if (size < 1) throw new Error('a Zipf sampler needs at least one item');
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let k = 0; k < size; k++) {
      total += 1 / Math.pow(k + 1 + offset, exponent);
      this.cumulative[k] = total;
    }
  }

  draw(random: Random): number {
    const u = random.next() * this.cumulative[this.size - 1];
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
