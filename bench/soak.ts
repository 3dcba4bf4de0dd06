/**
 * npm run soak: a bounded soak of mixed reads and writes against one API process on loopback.
 * Starts the server in a process of its own (its RSS is its own) on a fresh seeded PGlite store
 * (or a new schema on DATABASE_URL), drives it with autocannon, and reports requests, error rate,
 * latency percentiles and the server's RSS at the start and the end; writes the figures into
 * BENCHMARKS.md between the soak markers.
 *
 *   npm run soak -- [--duration 60] [--connections 8] [--writes 10] [--no-write]
 *
 * --duration is in seconds, at most 600 (10 minutes); the default is short so that a try is cheap.
 * --writes is the share of requests that are writes (importArticle with an amended title), in %.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import pino from 'pino';
import { createApiKey } from '../src/auth/api-key.service';
import { cliCaller } from '../src/auth/caller';
import { seed } from '../src/bundles/seed';
import { loadSafetyConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { PGliteDatabase } from '../src/db/pglite';
import { PostgresDatabase, quoteIdent } from '../src/db/postgres';
import { projectRoot } from '../src/common/project-root';
import { createApp } from '../src/server';

const MAX_SECONDS = 600;

interface Options {
  duration: number;
  connections: number;
  writes: number;
  write: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { duration: 60, connections: 8, writes: 10, write: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${arg}: must be a positive number, got "${argv[i]}"`);
      return n;
    };
    if (arg === '--duration') options.duration = value();
    else if (arg === '--connections') options.connections = Math.floor(value());
    else if (arg === '--writes') options.writes = Math.min(100, value());
    else if (arg === '--no-write') options.write = false;
    else throw new Error(`unknown option ${arg}: use --duration N (s, <= ${MAX_SECONDS}), --connections N, --writes PERCENT, --no-write`);
  }
  if (options.duration > MAX_SECONDS) throw new Error(`--duration: at most ${MAX_SECONDS} seconds, got ${options.duration}`);
  return options;
}

/** Server mode: open the store, start the API on 127.0.0.1, report the port and answer RSS questions over IPC. */
async function serve(spec: { dataDir?: string; connectionString?: string; schema?: string }): Promise<void> {
  const db: Database = spec.dataDir
    ? await PGliteDatabase.open({ dataDir: spec.dataDir })
    : new PostgresDatabase({ connectionString: spec.connectionString!, schema: spec.schema, poolSize: 10 });
  // The per-client budget stays on (its SQL runs on every request), sized for one busy client.
  const safety = { ...loadSafetyConfig({}), rateLimitCapacity: 1_000_000_000, rateLimitRefillPerSecond: 1_000_000_000 };
  const app = await createApp(db, { safety, logger: pino({ level: 'warn' }) });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  process.on('message', (message: { type: string }) => {
    if (message.type === 'rss') process.send?.({ type: 'rss', rss: process.memoryUsage().rss });
    if (message.type === 'stop') void app.stop().then(() => db.close()).then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', port: (app.httpServer.address() as AddressInfo).port });
}

async function prepareStore(): Promise<{ spec: { dataDir?: string; connectionString?: string; schema?: string }; key: string; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  let db: Database;
  let spec: { dataDir?: string; connectionString?: string; schema?: string };
  let cleanup: () => Promise<void>;
  if (url) {
    const schema = `ng_soak_${process.pid}`;
    const admin = new PostgresDatabase({ connectionString: url });
    await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    db = new PostgresDatabase({ connectionString: url, schema });
    spec = { connectionString: url, schema };
    cleanup = async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await admin.close();
    };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-soak-'));
    db = await PGliteDatabase.open({ dataDir });
    spec = { dataDir };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  await migrate(db);
  await seed(db);
  const { key } = await createApiKey(db, cliCaller(), 'soak', 'editor');
  await db.close();
  return { spec, key, cleanup };
}

const READS = [
  '{ whoMetWhom(first: 10) { totalCount edges { node { actors { name } meetingCount } } } }',
  '{ actor(slug: "steve-witkoff") { name counterparts { actor { name } meetingCount lastMetOn { iso } } } }',
  '{ pledges(first: 10) { edges { node { title donors { name } amount { amount currency } usd: amountIn(currency: "USD") { amount source } } } } }',
  '{ search(text: "Witkof") { score node { __typename ... on Actor { name } } } }',
  '{ meetings(filter: { participant: "vladimir-putin" }) { edges { node { title date { iso } participants { actor { name } } } } } }',
];

async function main(): Promise<void> {
  if (process.argv[2] === '--serve') return serve(JSON.parse(process.argv[3]));
  const options = parseOptions(process.argv.slice(2));
  const { spec, key, cleanup } = await prepareStore();
  const child = fork(__filename, ['--serve', JSON.stringify(spec)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(type: string, reply: string) =>
    new Promise<T>((resolve) => {
      const on = (message: any) => {
        if (message.type === reply) {
          child.off('message', on);
          resolve(message);
        }
      };
      child.on('message', on);
      if (type) child.send({ type });
    });
  const { port } = await ask<{ port: number }>('', 'ready');
  const url = `http://127.0.0.1:${port}/graphql`;

  const folder = join(projectRoot(), 'seed', 'witkoff-putin-brussels');
  const bundle = JSON.parse(readFileSync(join(folder, 'bundle.json'), 'utf8'));
  bundle.article.text = readFileSync(join(folder, 'article.txt'), 'utf8');
  const importArticle = 'mutation($bundle: ArticleBundleInput!) { importArticle(bundle: $bundle) { changed } }';
  let writes = 0;
  let counter = 0;
  let graphqlErrors = 0;
  const firstErrors: string[] = [];

  const writeEvery = options.write && options.writes > 0 ? Math.max(1, Math.round(100 / options.writes)) : 0;
  const request = {
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    setupRequest: (req: any) => {
      counter++;
      if (writeEvery && counter % writeEvery === 0) {
        writes++;
        // An amended title each time: a real write (new version, audit entry), validated whole.
        const amended = { ...bundle, article: { ...bundle.article, title: `${bundle.article.title} (soak ${writes})` } };
        return { ...req, body: JSON.stringify({ query: importArticle, variables: { bundle: amended } }) };
      }
      return { ...req, body: JSON.stringify({ query: READS[counter % READS.length] }) };
    },
    onResponse: (status: number, body: string) => {
      if (status === 200 && body.includes('"errors"')) {
        graphqlErrors++;
        if (firstErrors.length < 3) firstErrors.push(body.slice(0, 300));
      }
    },
  };

  // Warm-up, then the RSS the soak starts from.
  await autocannon({ url, connections: options.connections, duration: 3, requests: [request] });
  const rssStart = (await ask<{ rss: number }>('rss', 'rss')).rss;
  graphqlErrors = 0;
  writes = 0;
  const samples: { second: number; rss: number }[] = [];
  const startedAt = Date.now();
  const sampler = setInterval(() => {
    void ask<{ rss: number }>('rss', 'rss').then(({ rss }) => samples.push({ second: Math.round((Date.now() - startedAt) / 1000), rss }));
  }, Math.max(1000, (options.duration * 1000) / 20));
  console.log(`soak: ${options.duration} s, ${options.connections} connections, ${writeEvery ? `1 write in ${writeEvery}` : 'reads only'}, ${url}`);
  const result = await autocannon({ url, connections: options.connections, duration: options.duration, requests: [request] });
  clearInterval(sampler);
  const rssEnd = (await ask<{ rss: number }>('rss', 'rss')).rss;
  child.send({ type: 'stop' });
  await new Promise((resolve) => child.on('exit', resolve));
  await cleanup();

  const total = result.requests.total;
  const failed = result.non2xx + result.errors + result.timeouts + graphqlErrors;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const rows = [
    ['store', spec.dataDir ? 'PGlite (embedded)' : 'PostgreSQL'],
    ['duration', `${options.duration} s, ${options.connections} connections, ${cpus().length} cores`],
    ['requests', `${total} (${writes} writes), ${result.requests.average.toFixed(0)} req/s`],
    ['error rate', `${((failed / Math.max(1, total)) * 100).toFixed(3)} % (non-2xx ${result.non2xx}, socket errors ${result.errors}, timeouts ${result.timeouts}, GraphQL errors ${graphqlErrors})`],
    ['latency', `p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`],
    ['server RSS', `${mb(rssStart)} at start, ${mb(rssEnd)} at end (${rssEnd >= rssStart ? '+' : ''}${mb(rssEnd - rssStart)}); samples ${samples.map((s) => mb(s.rss).replace(' MB', '')).join(', ')} MB`],
  ];
  const table = ['| measure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
  console.log(table);
  for (const error of firstErrors) console.log('first errors:', error);

  const file = join(projectRoot(), 'BENCHMARKS.md');
  const section = [
    '<!-- soak:start -->',
    '## Soak',
    '',
    `\`npm run soak -- --duration ${options.duration} --connections ${options.connections}\` (bench/soak.ts; ${new Date().toISOString().slice(0, 10)}): mixed reads`,
    'and writes (importArticle with an amended title, as an editor) against one API process on loopback, with the limits and the',
    'per-client budget on. Memory is flat when the end RSS stays near the start after the warm-up.',
    '',
    table,
    '<!-- soak:end -->',
  ].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const next = /<!-- soak:start -->[\s\S]*<!-- soak:end -->/.test(current)
    ? current.replace(/<!-- soak:start -->[\s\S]*<!-- soak:end -->/, section)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
  console.log(`wrote the soak section of ${file}`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
