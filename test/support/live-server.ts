import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadCacheConfig, loadSafetyConfig, type CacheConfig, type SafetyConfig } from '../../src/config';
import type { Database } from '../../src/db/database';
import { createApp, type App, type AppOptions } from '../../src/server';

/** A Database whose statements are counted (transactions count as one), to show that nothing ran. */
export function countedDatabase(db: Database): { db: Database; statements: () => number } {
  let statements = 0;
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === 'query' || property === 'transaction' || property === 'exec') {
        return (...args: unknown[]) => {
          statements++;
          return (Reflect.get(target, property) as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, statements: () => statements };
}

/**
 * The response cache off: for tests about requests that must reach the store (faults, timeouts,
 * budgets), which a cache hit for a repeated query would otherwise answer without it.
 */
export const CACHE_OFF: CacheConfig = { ...loadCacheConfig({}), enabled: false };

export interface LiveServer {
  app: App;
  url: string;
  /** The JSON log lines the server wrote. */
  logs: Record<string, any>[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

/** createApp on a loopback port with its log lines captured; settings from the environment, overridden by `safety`. */
export async function startLiveServer(
  db: Database,
  options: Omit<AppOptions, 'safety' | 'logger'> & { safety?: Partial<SafetyConfig> } = {},
): Promise<LiveServer> {
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const safety = { ...loadSafetyConfig({}), ...options.safety };
  const app = await createApp(db, { ...options, safety, logger: pino({ level: 'info' }, sink) });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  return {
    app,
    url,
    logs,
    async post(body, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: any = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // left as text: the test says what it expected
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    close: () => app.stop(),
  };
}
