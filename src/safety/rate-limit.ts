import { Redis } from 'ioredis';
import type { Queryable } from '../db/database';

/** What one charge against a client's budget gave. */
export interface RateDecision {
  allowed: boolean;
  /** Points left in the bucket after this request (not below 0). */
  remaining: number;
  /** When refused: seconds until the bucket holds enough for this request. */
  retryAfterSeconds: number;
}

export interface BucketSettings {
  capacity: number;
  refillPerSecond: number;
}

/**
 * A token bucket per client, kept outside the process so that several API processes share it:
 * each request takes its node count from its client's bucket, which refills at a steady rate up to
 * its capacity. A request the bucket cannot pay for is refused and takes nothing.
 */
export interface RateLimiter {
  take(client: string, cost: number): Promise<RateDecision>;
  close(): Promise<void>;
}

function decide(settings: BucketSettings, granted: boolean, tokens: number, cost: number): RateDecision {
  return {
    allowed: granted,
    remaining: Math.max(0, Math.floor(tokens)),
    retryAfterSeconds: granted ? 0 : Math.max(1, Math.ceil((cost - tokens) / settings.refillPerSecond)),
  };
}

/** Buckets in the store's rate_limit_buckets table; one statement per request, atomic per client. */
export class SqlRateLimiter implements RateLimiter {
  constructor(
    private readonly db: Queryable,
    private readonly settings: BucketSettings,
  ) {}

  async take(client: string, cost: number): Promise<RateDecision> {
    const available = `least($2::float8, b.tokens + extract(epoch FROM clock_timestamp() - b.updated_at)::float8 * $4::float8)`;
    const [row] = await this.db.query<{ tokens: number; granted: boolean }>(
      `INSERT INTO rate_limit_buckets AS b (client, tokens, granted, updated_at)
       VALUES ($1, CASE WHEN $2::float8 >= $3::float8 THEN $2::float8 - $3::float8 ELSE $2::float8 END, $2::float8 >= $3::float8, clock_timestamp())
       ON CONFLICT (client) DO UPDATE SET
         tokens = CASE WHEN ${available} >= $3::float8 THEN ${available} - $3::float8 ELSE ${available} END,
         granted = ${available} >= $3::float8,
         updated_at = clock_timestamp()
       RETURNING tokens, granted`,
      [client, this.settings.capacity, cost, this.settings.refillPerSecond],
    );
    return decide(this.settings, row.granted, Number(row.tokens), cost);
  }

  async close(): Promise<void> {}
}

const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(bucket[1]) or capacity
local ts = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + (now - ts) * rate)
local granted = 0
if tokens >= cost then
  tokens = tokens - cost
  granted = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 60)
return {granted, tostring(tokens)}
`;

/** Buckets in Redis (REDIS_URL), one hash per client, charged by a Lua script so each take is atomic. */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly settings: BucketSettings,
    private readonly prefix = 'newsgraph:rate:',
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  }

  async take(client: string, cost: number): Promise<RateDecision> {
    const [granted, tokens] = (await this.redis.eval(
      TAKE_SCRIPT,
      1,
      this.prefix + client,
      this.settings.capacity,
      this.settings.refillPerSecond,
      cost,
    )) as [number, string];
    return decide(this.settings, granted === 1, Number(tokens), cost);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
