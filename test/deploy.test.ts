import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

const root = join(__dirname, '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: Array<string | number | { target?: number; published?: number | string }>;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  volumes?: Array<string | { source?: string; target?: string }>;
  restart?: string;
}

interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = load(read('docker-compose.yml')) as Compose;

/** Dockerfile instructions, with `\` line continuations joined and comments dropped. */
const instructions: string[] = read('Dockerfile')
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

const withKeyword = (keyword: string): string[] =>
  instructions.filter((line) => line.toUpperCase().startsWith(`${keyword} `));

/** Environment names as a key list, whichever form (map or `NAME=value` list) compose uses. */
function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, String(value ?? '')]));
}

/** Every environment variable name src/config.ts reads: `env.NAME`, `env['NAME']`, `integer(env, 'NAME', ...)` and `flag(env, 'NAME', ...)`. */
function configEnvNames(): Set<string> {
  const source = read('src/config.ts');
  const names = new Set<string>();
  for (const pattern of [/\benv\.([A-Z][A-Z0-9_]*)/g, /\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g, /\b(?:integer|flag)\(\s*env\s*,\s*['"]([A-Z][A-Z0-9_]*)['"]/g]) {
    for (const match of source.matchAll(pattern)) names.add(match[1]!);
  }
  return names;
}

function healthcheckText(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

describe('docker-compose runs the API after a healthy PostgreSQL 16', () => {
  const db = compose.services?.db;
  const api = compose.services?.api;

  it('are there a db service and an api service?', () => {
    expect(db).toBeDefined();
    expect(api).toBeDefined();
  });

  it('does the database run PostgreSQL 16 with a pg_isready healthcheck and a volume for its data?', () => {
    expect(db!.image).toMatch(/^postgres:16/);
    expect(healthcheckText(db!)).toContain('pg_isready');
    expect(db!.volumes?.length ?? 0).toBeGreaterThan(0);
    const mounts = db!.volumes!.map((v) => (typeof v === 'string' ? v : `${v.source}:${v.target}`));
    expect(mounts.some((m) => m.includes('/var/lib/postgresql/data'))).toBe(true);
  });

  it('does the api wait until the database is healthy?', () => {
    const dependsOn = api!.depends_on;
    expect(dependsOn).toBeDefined();
    expect(Array.isArray(dependsOn)).toBe(false);
    expect((dependsOn as Record<string, { condition?: string }>).db?.condition).toBe('service_healthy');
  });

  it('is the api published on port 4000?', () => {
    const ports = (api!.ports ?? []).map((p) => (typeof p === 'object' ? `${p.published}:${p.target}` : String(p)));
    expect(ports.some((p) => /(^|:)4000(\/tcp)?$/.test(p))).toBe(true);
  });

  it('does every environment variable the api sets get read by src/config.ts?', () => {
    const known = configEnvNames();
    // The scan found the settings the config is known to read, so an empty set cannot pass vacuously.
    for (const name of ['DATABASE_URL', 'PORT', 'HOST', 'DB_POOL_SIZE', 'STATEMENT_TIMEOUT_MS', 'NODE_ENV']) {
      expect(known.has(name)).toBe(true);
    }
    // NODE_OPTIONS is node's own, checked below.
    const unknown = Object.keys(environmentOf(api!)).filter((name) => !known.has(name) && name !== 'NODE_OPTIONS');
    expect(unknown).toEqual([]);
  });

  it('does node accept the NODE_OPTIONS the api sets (node refuses to start on an option it does not allow there)?', () => {
    const options = environmentOf(api!).NODE_OPTIONS;
    expect(options).toMatch(/--max-semi-space-size=\d+/);
    const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(process.env.NODE_OPTIONS ?? "")'], {
      env: { ...process.env, NODE_OPTIONS: options },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(options);
  });

  it('does DATABASE_URL point the api at the db service?', () => {
    const url = new URL(environmentOf(api!).DATABASE_URL ?? '');
    expect(url.protocol).toMatch(/^postgres(ql)?:$/);
    expect(url.hostname).toBe('db');
  });

  it('does the api have a healthcheck on /health?', () => {
    expect(healthcheckText(api!)).toContain('/health');
  });
});

describe('the Dockerfile builds a small non-root image that starts like `npm start`', () => {
  it('is it a multi-stage build on node:20-slim?', () => {
    const froms = withKeyword('FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^FROM\s+node:20-slim(\s|$)/i);
  });

  it('does the image carry the files the app reads at run time (compiled code and pages, migrations, seed, schema)?', () => {
    const copies = withKeyword('COPY').join('\n');
    for (const path of ['dist', 'src/db/migrations', 'seed', 'schema']) expect(copies).toContain(path);
  });

  it('does the build stage build the web pages from web/ and the README (the IDE\'s examples) into dist?', () => {
    const copies = withKeyword('COPY').filter((line) => !line.includes('--from='));
    expect(copies.some((line) => /\bweb\/?\s/.test(line))).toBe(true);
    expect(copies.some((line) => /\bREADME\.md\b/.test(line))).toBe(true);
    const pkg = JSON.parse(read('package.json')) as { scripts?: Record<string, string> };
    expect(pkg.scripts?.build).toContain('build:web');
    const runs = withKeyword('RUN');
    const lastCopy = instructions.findIndex((line) => /^COPY\s+README\.md/i.test(line));
    expect(instructions.slice(lastCopy).some((line) => /^RUN\s+npm run build$/i.test(line))).toBe(true);
    // `npm ci` before the sources are there must not run `prepare` (it would build without them).
    expect(runs.filter((run) => /npm ci\b/.test(run)).every((run) => run.includes('--ignore-scripts'))).toBe(true);
  });

  it('does the final image install production dependencies only?', () => {
    expect(withKeyword('RUN').some((run) => /npm ci\b.*--omit=dev/.test(run))).toBe(true);
  });

  it('does it run as the non-root node user?', () => {
    const users = withKeyword('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).toMatch(/^USER\s+node$/i);
  });

  it('does it expose port 4000 and check /health?', () => {
    expect(withKeyword('EXPOSE').some((line) => /\b4000\b/.test(line))).toBe(true);
    const healthchecks = withKeyword('HEALTHCHECK');
    expect(healthchecks.length).toBe(1);
    expect(healthchecks[0]).toContain('/health');
  });

  it('does the container start with the same command as `npm start`?', () => {
    const cmds = withKeyword('CMD');
    const cmd = cmds[cmds.length - 1]!.replace(/^CMD\s+/i, '');
    const argv: string[] = cmd.startsWith('[') ? (JSON.parse(cmd) as string[]) : cmd.split(/\s+/);
    expect(argv.join(' ')).toBe('node --v8-pool-size=2 dist/src/main.js start');

    const pkg = JSON.parse(read('package.json')) as { scripts?: Record<string, string> };
    expect(pkg.scripts?.start).toBe(argv.join(' '));
  });
});
