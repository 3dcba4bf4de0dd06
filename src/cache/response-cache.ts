/** One cached answer: the exact bytes and the headers that describe them. */
export interface CachedAnswer {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  /** Epoch ms after which the answer is not served (its maxAge, from the cache-control hints). */
  expiresAt: number;
}

/** Bytes an entry is charged beyond its body: the key and the bookkeeping. */
const ENTRY_OVERHEAD = 256;

/**
 * This process's answers to anonymous reads, keyed by request, least recently used first out.
 * They stay valid until the graph changes: `invalidate` (a write here, or a notification from
 * PostgreSQL about one anywhere) drops them all and moves `generation` on, so an answer computed
 * while a write committed is refused when it comes to be stored. While nothing tells this process
 * about writes (its LISTEN connection is down), the cache is off: `active` is false.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private live = false;
  generation = 0;
  readonly stats = { hits: 0, misses: 0, stored: 0, invalidations: 0 };

  constructor(readonly maxBytes: number) {}

  get active(): boolean {
    return this.live;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): CachedAnswer | undefined {
    const entry = this.live ? this.entries.get(key) : undefined;
    if (!entry || entry.expiresAt <= now) {
      if (entry) this.remove(key, entry);
      this.stats.misses++;
      return undefined;
    }
    // Most recently used goes last; eviction takes from the front.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.stats.hits++;
    return entry;
  }

  /** Stores an answer computed from what the graph was at `generation`; refused if it changed since. */
  set(key: string, answer: CachedAnswer, generation: number): boolean {
    if (!this.live || generation !== this.generation) return false;
    const cost = answer.body.length + key.length + ENTRY_OVERHEAD;
    // One large answer may not push out everything else.
    if (cost > this.maxBytes / 8) return false;
    const existing = this.entries.get(key);
    if (existing) this.remove(key, existing);
    this.entries.set(key, answer);
    this.bytes += cost;
    for (const [oldKey, oldEntry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldKey, oldEntry);
    }
    this.stats.stored++;
    return true;
  }

  /** The graph changed: nothing cached before now may be served or stored. */
  invalidate(): void {
    this.generation++;
    this.stats.invalidations++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Writes can no longer be heard of: stop serving until `resume`. */
  suspend(): void {
    this.live = false;
    this.invalidate();
  }

  /** Writes are heard of again; whatever happened meanwhile is unknown, so start empty. */
  resume(): void {
    this.invalidate();
    this.live = true;
  }

  private remove(key: string, entry: CachedAnswer): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length + key.length + ENTRY_OVERHEAD;
  }
}
