/**
 * One server under benchmark, in a process of its own so that its RSS is its own. Started by
 * bench/run.ts with a JSON argument; tells its port over IPC and answers { type: 'stats' } with the
 * SQL statements it has sent so far (and, after { type: 'capture' }, the statements of the next request).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Database, Queryable, Transaction } from '../src/db/database';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/open';
import { createApp } from '../src/server';
import { applyV8Settings } from '../src/common/v8-settings';

export type ServerSpec =
  | { kind: 'api-pglite'; dataDir: string }
  | { kind: 'api-postgres'; connectionString: string; schema: string }
  | { kind: 'ceiling'; responsesFile: string }
  | { kind: 'postgraphile'; connectionString: string; schema: string };

interface PostGraphileInstance {
  createServ(grafserv: unknown): unknown;
  getSchema(): Promise<unknown>;
}

let statements = 0;
let capture: { sql: string; params: unknown[] }[] | null = null;

function note(sql: string, params?: readonly unknown[]): void {
  statements++;
  if (capture) capture.push({ sql, params: params ? [...params] : [] });
}

/**
 * The store as createApp sees it, counting every statement (reads, transactions and scripts).
 * Everything it does not count (kind, close, listen for the response cache's invalidation, and
 * whatever the interface gains later) goes to the real store, bound to it.
 */
function counted(db: Database): Database {
  const forward = <T extends object>(target: T, own: Partial<T>): T =>
    new Proxy(target, {
      get: (t, key) => {
        if (Object.prototype.hasOwnProperty.call(own, key)) return own[key as keyof T];
        const value: unknown = Reflect.get(t, key, t);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
      },
    });
  const wrapTx = (tx: Transaction): Transaction =>
    forward<Transaction>(tx, {
      query: (sql, params) => (note(sql, params), tx.query(sql, params)),
      exec: (sql) => (note(sql), tx.exec(sql)),
    });
  const query: Queryable['query'] = (sql, params) => (note(sql, params), db.query(sql, params));
  return forward<Database>(db, {
    query,
    exec: (sql) => (note(sql), db.exec(sql)),
    transaction: (fn) => db.transaction((tx) => fn(wrapTx(tx))),
  });
}

async function readBody(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) void _chunk;
}

async function start(spec: ServerSpec): Promise<{ port: number }> {
  if (spec.kind === 'ceiling') {
    // The bare route: read the request, write the precomputed bytes of the same response.
    const responses = new Map<string, Buffer>(
      Object.entries(JSON.parse(readFileSync(spec.responsesFile, 'utf8')) as Record<string, string>).map(([k, v]) => [`/${k}`, Buffer.from(v)]),
    );
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      void readBody(req).then(() => {
        const body = responses.get(req.url ?? '');
        if (!body) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
        res.end(body);
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return { port: (server.address() as AddressInfo).port };
  }
  if (spec.kind === 'postgraphile') {
    // Count what PostGraphile sends to the server: every pg client query after startup.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pg = require('pg') as typeof import('pg');
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    if (!process.env.BENCH_NO_COUNT) (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      note(typeof first === 'string' ? first : (first?.text ?? ''), Array.isArray(args[1]) ? (args[1] as unknown[]) : []);
      return original.apply(this, args);
    };
    // PostGraphile 5 declares Node >= 22 and calls Promise.withResolvers (ES2024), which Node 20's V8
    // lacks; without it every query fails ("Cannot read properties of undefined (reading 'items')").
    // This is the spec's definition of that one function, installed in this process only.
    const P = Promise as unknown as { withResolvers?: () => { promise: Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void } };
    P.withResolvers ??= () => {
      let resolve!: (v: unknown) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise((ok, fail) => ((resolve = ok), (reject = fail)));
      return { promise, resolve, reject };
    };
    // PostGraphile's subpath exports need moduleResolution node16+; the project uses node, so the few
    // functions used here are loaded by name and typed by hand.
    const load = require as (id: string) => Record<string, (...args: never[]) => unknown>;
    const { postgraphile } = load('postgraphile') as unknown as { postgraphile: (preset: object) => PostGraphileInstance };
    const { PostGraphileAmberPreset } = load('postgraphile/presets/amber') as unknown as { PostGraphileAmberPreset: object };
    const { makePgService } = load('postgraphile/adaptors/pg') as unknown as { makePgService: (options: object) => object };
    const { grafserv } = load('postgraphile/grafserv/node');
    const pgl = postgraphile({
      extends: [PostGraphileAmberPreset],
      pgServices: [makePgService({ connectionString: spec.connectionString, schemas: [spec.schema], poolConfig: { max: 10 } })],
      grafserv: { graphiql: false, watch: false },
      grafast: { explain: false },
    });
    const serv = pgl.createServ(grafserv) as { addTo(server: ReturnType<typeof createServer>): Promise<void> };
    const server = createServer();
    await serv.addTo(server);
    await pgl.getSchema();
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    statements = 0;
    return { port: (server.address() as AddressInfo).port };
  }
  // Opened by the function `npm start` opens its store with, from the same settings (PGlite's
  // PGLITE_SHARED_BUFFERS_MB and PGLITE_WORK_MEM_MB; the server's DB_POOL_SIZE and STATEMENT_TIMEOUT_MS).
  const config = loadConfig();
  const store: Database = await openDatabase(
    spec.kind === 'api-pglite'
      ? { ...config, databaseUrl: null, dataDir: spec.dataDir }
      : { ...config, databaseUrl: spec.connectionString, databaseSchema: spec.schema },
  );
  // Production defaults (limits, timeouts, logging at warn) except the per-client budget, which would
  // refuse a load generator on one address. The response cache follows RESPONSE_CACHE, which
  // bench/run.ts sets in this process's environment (true for the "cache" servers, false otherwise).
  const app = await createApp(counted(store), { rateLimiter: null, logger: pino({ level: 'warn' }) });
  await new Promise<void>((ok) => app.httpServer.listen(0, '127.0.0.1', ok));
  statements = 0;
  return { port: (app.httpServer.address() as AddressInfo).port };
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;
// The API servers set V8 up as main.ts does for `npm start` (by store); the peer and the ceiling run on node's defaults.
if (spec.kind === 'api-pglite' || spec.kind === 'api-postgres') applyV8Settings(spec.kind === 'api-pglite');
start(spec).then(
  ({ port }) => {
    process.on('message', (message: { type: string }) => {
      if (message.type === 'stats') process.send?.({ type: 'stats', statements, rss: process.memoryUsage().rss });
      else if (message.type === 'capture') {
        capture = [];
        process.send?.({ type: 'capturing' });
      } else if (message.type === 'exit') {
        // A plain exit, so that --cpu-prof writes its profile.
        process.exit(0);
      } else if (message.type === 'captured') {
        process.send?.({ type: 'captured', statements: capture ?? [] });
        capture = null;
      }
    });
    process.send?.({ type: 'ready', port });
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
