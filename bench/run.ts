/**
 * npm run bench: loads generated graphs, starts each server in a process of its own and drives the
 * fixed query mix with autocannon over loopback; prints the table and writes BENCHMARKS.md.
 *
 *   npm run bench -- [--sizes 10000,100000] [--duration 5] [--warmup 1] [--connections 32]
 *                    [--seed bench] [--no-postgraphile] [--no-profile] [--no-write]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { cpus, totalmem, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { PGliteDatabase } from '../src/db/pglite';
import { PostgresDatabase, quoteIdent } from '../src/db/postgres';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { generateGraph } from '../src/generate/generate.loader';
import { projectRoot } from '../src/common/project-root';
import { CASES, nestingDepth, postgraphileSql, type CaseParams } from './queries';
import type { ServerSpec } from './server';
import { summarizeProfile } from './profile';

interface Options {
  sizes: number[];
  duration: number;
  warmup: number;
  connections: number;
  seed: string;
  postgraphile: boolean;
  profile: boolean;
  write: boolean;
  url: string;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    sizes: [10_000, 100_000],
    duration: 5,
    warmup: 1,
    connections: 32,
    seed: 'bench',
    postgraphile: true,
    profile: true,
    write: true,
    url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const positive = (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number, got ${JSON.stringify(v)}`);
      return n;
    };
    if (flag === '--sizes') o.sizes = value().split(',').map((s) => Math.round(positive(s.replace(/_/g, ''))));
    else if (flag === '--duration') o.duration = positive(value());
    else if (flag === '--warmup') o.warmup = positive(value());
    else if (flag === '--connections') o.connections = Math.round(positive(value()));
    else if (flag === '--seed') o.seed = value();
    else if (flag === '--url') o.url = value();
    else if (flag === '--no-postgraphile') o.postgraphile = false;
    else if (flag === '--no-profile') o.profile = false;
    else if (flag === '--no-write') o.write = false;
    else throw new Error(`unknown flag ${flag}; flags: --sizes --duration --warmup --connections --seed --url --no-postgraphile --no-profile --no-write`);
  }
  return o;
}

type ServerName = 'api-postgres' | 'api-pglite' | 'ceiling' | 'postgraphile';

interface Running {
  name: ServerName;
  child: ChildProcess;
  port: number;
  request<T>(message: { type: string }, reply: string): Promise<T>;
}

const serverScript = join(__dirname, 'server.js');

function startServer(name: ServerName, spec: ServerSpec, execArgv: string[] = []): Promise<Running> {
  const child = fork(serverScript, [JSON.stringify(spec)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    child.once('message', (m: { type: string; port: number }) => {
      child.removeAllListeners('exit');
      resolve({
        name,
        child,
        port: m.port,
        request: (message, reply) =>
          new Promise((ok) => {
            const on = (r: { type: string }) => {
              if (r.type === reply) {
                child.off('message', on);
                ok(r as never);
              }
            };
            child.on('message', on);
            child.send(message);
          }),
      });
    });
  });
}

async function stopServer(s: Running): Promise<void> {
  const exited = new Promise((ok) => s.child.once('exit', ok));
  s.child.send({ type: 'exit' });
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, text: await res.text() };
}

interface Row {
  size: number;
  caseName: string;
  server: ServerName;
  rps: number;
  p50: number;
  p99: number;
  statements: number | null;
  depth: number;
  rssMb: number;
  errors: number;
  note?: string;
}

async function drive(s: Running, path: string, body: string, o: Options): Promise<Omit<Row, 'size' | 'caseName' | 'server' | 'depth'>> {
  const url = `http://127.0.0.1:${s.port}${path}`;
  const opts = { url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, connections: o.connections };
  await autocannon({ ...opts, duration: o.warmup });
  let peak = rssMb(s.child.pid as number);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(s.child.pid as number))), 250);
  const r = await autocannon({ ...opts, duration: o.duration });
  clearInterval(sampler);
  const requests = r.requests.total;
  return {
    // No request finished inside the window: no latency to report (not zero).
    rps: r.requests.average,
    p50: requests ? r.latency.p50 : NaN,
    p99: requests ? r.latency.p99 : NaN,
    statements: null,
    rssMb: peak,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function pickParams(url: string, schema: string): Promise<CaseParams> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET search_path = ${quoteIdent(schema)}, public`);
    // The hub: most meetings. The far actor: the median actor by events, not the hub.
    const hub = (await c.query(`SELECT a.slug, a.name FROM participations p JOIN events e ON e.id = p.event_id AND e.kind = 'MEETING'
      JOIN actors a ON a.id = p.actor_id GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT 1`)).rows[0];
    const far = (await c.query(`SELECT a.slug FROM actors a JOIN participations p ON p.actor_id = a.id WHERE a.slug <> $1
      GROUP BY a.id ORDER BY count(*), a.id OFFSET (SELECT count(DISTINCT actor_id) / 2 FROM participations) LIMIT 1`, [hub.slug])).rows[0];
    const word = (hub.name as string).split(' ').pop() as string;
    return { hub: hub.slug, hubName: hub.name, far: far.slug, typo: word.slice(0, -1) };
  } finally {
    await c.end();
  }
}

async function explainSlowest(url: string, schema: string, statements: { sql: string; params: unknown[] }[]): Promise<{ ms: number; sql: string; plan: string } | null> {
  const c = new Client({ connectionString: url });
  await c.connect();
  let slowest: { ms: number; sql: string; plan: string } | null = null;
  try {
    await c.query(`SET search_path = ${quoteIdent(schema)}, public`);
    for (const s of statements) {
      if (!/^\s*(SELECT|WITH)/i.test(s.sql)) continue;
      const rows = (await c.query(`EXPLAIN (ANALYZE, FORMAT TEXT) ${s.sql}`, s.params)).rows as { 'QUERY PLAN': string }[];
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
      if (!slowest || ms > slowest.ms) slowest = { ms, sql: s.sql.replace(/\s+/g, ' ').trim(), plan };
    }
  } finally {
    await c.end();
  }
  return slowest;
}

interface SizeReport {
  size: number;
  loads: string[];
  params: CaseParams;
  rows: Row[];
  slowestSql: Record<string, { ms: number; sql: string; plan: string } | null>;
  mismatches: string[];
}

async function loadStore(db: Database, size: number, seed: string): Promise<string> {
  await migrate(db);
  const r = await generateGraph(db, { events: size, seed, reset: true });
  return `${db.kind}: ${size} events, ${r.rows} rows in ${r.seconds.toFixed(1)} s (${Math.round(r.eventsPerSecond)} events/s${r.loaded ? '' : ', already loaded'})`;
}

async function benchSize(size: number, o: Options, work: string): Promise<SizeReport> {
  const schema = `bench_${process.pid}_${size}`;
  const admin = new Client({ connectionString: o.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const servers: Running[] = [];
  try {
    const loads: string[] = [];
    const pgdb = new PostgresDatabase({ connectionString: o.url, schema });
    loads.push(await loadStore(pgdb, size, o.seed));
    await pgdb.exec(postgraphileSql(schema));
    await pgdb.close();
    const dataDir = join(work, `pglite-${size}`);
    const lite = await PGliteDatabase.open({ dataDir });
    loads.push(await loadStore(lite, size, o.seed));
    await lite.close();
    for (const l of loads) console.log(`  loaded ${l}`);
    const params = await pickParams(o.url, schema);
    console.log(`  hub ${params.hub} (${params.hubName}), far ${params.far}, search "${params.typo}"`);

    const apiPg = await startServer('api-postgres', { kind: 'api-postgres', connectionString: o.url, schema });
    servers.push(apiPg);
    const apiLite = await startServer('api-pglite', { kind: 'api-pglite', dataDir });
    servers.push(apiLite);
    let pgl: Running | null = null;
    const pglNote: string[] = [];
    if (o.postgraphile) {
      try {
        pgl = await startServer('postgraphile', { kind: 'postgraphile', connectionString: o.url, schema });
        servers.push(pgl);
      } catch (error) {
        pglNote.push((error as Error).message);
      }
    }

    // Every server must answer every case without errors; the two API stores must agree byte for byte.
    const responses: Record<string, string> = {};
    const mismatches: string[] = [];
    const slowestSql: SizeReport['slowestSql'] = {};
    const failed = new Map<string, string>();
    // SQL statements per request: every statement one request sends, counted on an idle server.
    const perRequest = new Map<string, number>();
    const captureOne = async (s: Running, body: string, caseName: string) => {
      await s.request({ type: 'capture' }, 'capturing');
      const r = await post(`http://127.0.0.1:${s.port}/graphql`, body);
      const captured = await s.request<{ statements: { sql: string; params: unknown[] }[] }>({ type: 'captured' }, 'captured');
      perRequest.set(`${caseName}|${s.name}`, captured.statements.length);
      return { ...r, captured: captured.statements };
    };
    for (const c of CASES) {
      const body = JSON.stringify({ query: c.query, variables: c.variables(params) });
      const a = await captureOne(apiPg, body, c.name);
      const captured = a.captured;
      const b = await captureOne(apiLite, body, c.name);
      for (const [who, r] of [['api-postgres', a], ['api-pglite', b]] as const) {
        if (r.status !== 200 || JSON.parse(r.text).errors) failed.set(c.name, `${who}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
      }
      if (failed.has(c.name)) {
        console.log(`  ${c.name} FAILS on a single idle request, not driven: ${failed.get(c.name)}`);
        continue;
      }
      if (a.text !== b.text) mismatches.push(c.name);
      responses[c.name] = a.text;
      slowestSql[c.name] = await explainSlowest(o.url, schema, captured);
      if (c.postgraphile && pgl) {
        const r = await captureOne(pgl, JSON.stringify({ query: c.postgraphile.query, variables: c.postgraphile.variables(params) }), c.name);
        if (r.status !== 200 || JSON.parse(r.text).errors) throw new Error(`postgraphile ${c.name}: ${r.status} ${r.text.slice(0, 500)}`);
      }
    }
    const responsesFile = join(work, `responses-${size}.json`);
    writeFileSync(responsesFile, JSON.stringify(responses));
    const ceiling = await startServer('ceiling', { kind: 'ceiling', responsesFile });
    servers.push(ceiling);

    const rows: Row[] = [];
    for (const c of CASES) {
      if (failed.has(c.name)) continue;
      const body = JSON.stringify({ query: c.query, variables: c.variables(params) });
      const depth = nestingDepth(c.query);
      const targets: [Running, string, string][] = [
        [apiLite, '/graphql', body],
        [apiPg, '/graphql', body],
        [ceiling, `/${c.name}`, body],
      ];
      if (c.postgraphile && pgl) targets.push([pgl, '/graphql', JSON.stringify({ query: c.postgraphile.query, variables: c.postgraphile.variables(params) })]);
      for (const [s, path, b] of targets) {
        const m = await drive(s, path, b, o);
        const row: Row = { size, caseName: c.name, server: s.name, depth: s.name === 'postgraphile' ? nestingDepth(c.postgraphile!.query) : depth, ...m };
        row.statements = s.name === 'ceiling' ? 0 : (perRequest.get(`${c.name}|${s.name}`) ?? null);
        rows.push(row);
        console.log(`  ${fmtRow(row)}`);
      }
    }
    for (const s of servers.splice(0)) await stopServer(s);

    if (o.profile && size === Math.max(...o.sizes)) {
      // A CPU profile of the API process (PostgreSQL store) under the actor page: where its time goes.
      const profDir = join(work, 'cpuprof');
      const prof = await startServer('api-postgres', { kind: 'api-postgres', connectionString: o.url, schema }, ['--cpu-prof', '--cpu-prof-dir', profDir]);
      const actor = CASES[0];
      await drive(prof, '/graphql', JSON.stringify({ query: actor.query, variables: actor.variables(params) }), o);
      await stopServer(prof);
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (file) profileText = summarizeProfile(JSON.parse(readFileSync(join(profDir, file), 'utf8')), size);
    }
    for (const [name, why] of failed) mismatches.push(`${name} not measured (${why.replace(/\|/g, '/')})`);
    return { size, loads, params, rows, slowestSql, mismatches };
  } finally {
    for (const s of servers) await stopServer(s).catch(() => undefined);
    await admin.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
    await admin.end();
    rmSync(join(work, `pglite-${size}`), { recursive: true, force: true });
  }
}

let profileText = '';

const f0 = (n: number) => (Number.isFinite(n) ? String(n) : 'n/a');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
function fmtRow(r: Row): string {
  return `${r.caseName.padEnd(16)} ${r.server.padEnd(13)} ${f1(r.rps).padStart(8)} req/s  p50 ${f0(r.p50).padStart(5)} ms  p99 ${f0(r.p99).padStart(5)} ms  sql/req ${r.statements === null ? 'n/a' : r.statements}  rss ${r.rssMb.toFixed(0)} MB${r.errors ? `  ERRORS ${r.errors}` : ''}`;
}

function table(rows: Row[]): string {
  const lines = [
    '| events | query | server | req/s | p50 ms | p99 ms | SQL/req | depth | RSS MB | errors |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.size} | ${r.caseName} | ${r.server} | ${f1(r.rps)} | ${f0(r.p50)} | ${f0(r.p99)} | ${r.statements === null ? 'n/a' : r.statements} | ${r.depth} | ${r.rssMb.toFixed(0)} | ${r.errors} |`);
  }
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    for (const c of CASES) lines.push(`| ${size} | ${c.name} | api cache on | not built | | | | | | |`);
  }
  return lines.join('\n');
}

function find(rows: Row[], size: number, caseName: string, server: ServerName): Row | undefined {
  return rows.find((r) => r.size === size && r.caseName === caseName && r.server === server);
}

function ratios(reports: SizeReport[], o: Options): string {
  const rows = reports.flatMap((r) => r.rows);
  const out: string[] = [];
  const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');
  out.push('| target | measured | verdict |', '|---|---|---|');
  for (const rep of reports) {
    const api = find(rows, rep.size, 'actorPage', 'api-postgres');
    const peer = find(rows, rep.size, 'actorPage', 'postgraphile');
    if (api && peer) {
      const x = api.rps / peer.rps;
      out.push(`| actor page, API on PostgreSQL >= 1.0x PostGraphile req/s (${rep.size} events) | ${x.toFixed(2)}x (${f1(api.rps)} vs ${f1(peer.rps)}) | ${mark(x >= 1)}${x < 1 ? `, short by ${((1 - x) * 100).toFixed(0)}%` : ''} |`);
    } else out.push(`| actor page vs PostGraphile (${rep.size} events) | n/a (PostGraphile not run) | n/a |`);
    if (api) {
      out.push(`| actor page p99 <= 50 ms, ${o.connections} connections (${rep.size} events; the target is at 1M) | ${api.p99} ms | ${rep.size >= 1_000_000 ? mark(api.p99 <= 50) : api.p99 <= 50 ? 'met at this size' : `over by ${api.p99 - 50} ms at this size`} |`);
    }
    for (const c of CASES) {
      const lite = find(rows, rep.size, c.name, 'api-pglite');
      const pg = find(rows, rep.size, c.name, 'api-postgres');
      if (lite && pg) {
        const x = lite.rps / pg.rps;
        if (!Number.isFinite(x)) out.push(`| PGlite >= 0.5x PostgreSQL req/s, ${c.name} (${rep.size}) | n/a: no request finished in the window (${f1(lite.rps)} vs ${f1(pg.rps)}) | n/a |`);
        else out.push(`| PGlite >= 0.5x PostgreSQL req/s, ${c.name} (${rep.size}) | ${x.toFixed(2)}x (${f1(lite.rps)} vs ${f1(pg.rps)}) | ${mark(x >= 0.5)}${x < 0.5 ? `, short by ${((0.5 - x) / 0.5 * 100).toFixed(0)}%` : ''} |`);
      }
      if (pg) {
        out.push(`| SQL/request <= nesting depth, ${c.name} (${rep.size}) | ${pg.statements} <= ${pg.depth} | ${mark((pg.statements ?? Infinity) <= pg.depth)} |`);
      }
    }
    out.push(`| cached reads >= 0.8x ceiling (${rep.size}) | n/a: cache on: not built | n/a |`);
    const maxRss = Math.max(...rep.rows.filter((r) => r.server.startsWith('api')).map((r) => r.rssMb));
    out.push(`| API RSS < 300 MB while serving (${rep.size}; target at 1M) | max ${maxRss.toFixed(0)} MB | ${maxRss < 300 ? 'met at this size' : 'over'} |`);
  }
  const sizes = reports.map((r) => r.size).sort((a, b) => a - b);
  if (sizes.length > 1) {
    const lo = sizes[0];
    const hi = sizes[sizes.length - 1];
    for (const c of CASES) {
      for (const server of ['api-postgres', 'api-pglite'] as const) {
        const a = find(rows, lo, c.name, server);
        const b = find(rows, hi, c.name, server);
        if (!a || !b) continue;
        const g = b.p50 / Math.max(a.p50, 1); // p50 is whole ms; a 0 ms p50 counts as 1 ms
        const series = sizes.map((s) => find(rows, s, c.name, server)?.p50 ?? 'n/a').join(' / ');
        out.push(`| p50 growth ${lo} -> ${hi} <= 2x, ${c.name} on ${server}${c.indexBacked ? '' : ' (not index-backed: sums every pledge)'} | ${series} ms = ${g.toFixed(1)}x | ${c.indexBacked ? mark(g <= 2) : 'n/a'}${c.indexBacked && g > 2 ? `, over by ${(g / 2).toFixed(1)}x` : ''} |`);
      }
    }
  }
  return out.join('\n');
}

function machine(): string {
  const cpu = cpus();
  return [
    `- CPU: ${cpu.length} x ${cpu[0]?.model ?? 'unknown'} (nproc ${cpu.length})`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB; load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `- Node ${process.version}, ${process.platform} ${process.arch}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  const started = Date.now();
  let pgVersion = '';
  {
    const c = new Client({ connectionString: o.url });
    await c.connect();
    pgVersion = (await c.query('SHOW server_version')).rows[0].server_version;
    await c.end();
  }
  const header = machine() + `\n- PostgreSQL ${pgVersion} on loopback; PGlite in the API process; autocannon in the driver process on the same 2 cores`;
  console.log(header);
  console.log(`sizes ${o.sizes.join(', ')}; ${o.duration} s per case after ${o.warmup} s warm-up; ${o.connections} connections`);
  console.log('cache on: not built');
  const reports: SizeReport[] = [];
  try {
    for (const size of o.sizes) {
      console.log(`\n== ${size} events`);
      reports.push(await benchSize(size, o, work));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const rows = reports.flatMap((r) => r.rows);
  const tableText = table(rows);
  const ratioText = ratios(reports, o);
  console.log('\n' + tableText + '\n\n' + ratioText);
  if (profileText) console.log('\n' + profileText);

  const generated = [
    `<!-- bench:begin (written by npm run bench; edit outside these markers) -->`,
    `Run ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s: \`npm run bench -- ${process.argv.slice(2).join(' ')}\``,
    `(${o.duration} s per case after ${o.warmup} s warm-up, ${o.connections} connections, seed ${o.seed}).`,
    '',
    '### Machine',
    '',
    header,
    '',
    '### Loads and parameters',
    '',
    ...reports.flatMap((r) => [
      ...r.loads.map((l) => `- ${l}`),
      `- ${r.size} events: hub \`${r.params.hub}\` (${r.params.hubName}), path to \`${r.params.far}\`, search "${r.params.typo}"; ` +
        (r.mismatches.length ? `not identical on PGlite and PostgreSQL, or not measured: ${r.mismatches.join('; ')}` : 'PGlite and PostgreSQL answers identical byte for byte on every query'),
    ]),
    '',
    '### Results',
    '',
    'cache on: not built (issue 6 point 4 is open), so every API row is cache off.',
    '',
    tableText,
    '',
    '### Targets (issue 6, point 3)',
    '',
    ratioText,
    '',
    '### Slowest SQL statement of one request per query (EXPLAIN ANALYZE on PostgreSQL, largest size)',
    '',
    ...(() => {
      const last = reports[reports.length - 1];
      if (!last) return [];
      return CASES.flatMap((c) => {
        const s = last.slowestSql[c.name];
        return s ? [`- ${c.name}: ${s.ms.toFixed(2)} ms: \`${s.sql.slice(0, 160)}${s.sql.length > 160 ? '...' : ''}\``] : [`- ${c.name}: none captured`];
      });
    })(),
    '',
    ...(profileText ? ['### CPU profile', '', profileText, ''] : []),
    '<!-- bench:end -->',
  ].join('\n');
  if (o.write) {
    const file = join(projectRoot(__dirname), 'BENCHMARKS.md');
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const begin = existing.indexOf('<!-- bench:begin');
    const end = existing.indexOf('<!-- bench:end -->');
    const text =
      begin >= 0 && end > begin
        ? existing.slice(0, begin) + generated + existing.slice(end + '<!-- bench:end -->'.length)
        : `# Benchmarks\n\nMeasured by \`npm run bench\` (bench/run.ts).\n\n${generated}\n`;
    writeFileSync(file, text);
    console.log(`\nwrote ${file}`);
  }
  const slowest = reports.at(-1)?.slowestSql ?? {};
  for (const [name, s] of Object.entries(slowest)) if (s) console.log(`\n-- slowest SQL of ${name}: ${s.ms} ms\n${s.plan.split('\n').slice(0, 12).join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
