import { InvalidInputError, type FieldProblem } from '../common/errors';
import type { Config } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { generateGraph, validateGenerateOptions, type GenerateResult, type LoadMethod } from './generate.loader';
import { MAX_EVENTS } from './generate.model';
import { GRAPH_TABLES } from './generate.rows';
import { TABLE_SPECS } from './generate.tables';

export interface GenerateArgs {
  events: number;
  seed: string;
  reset: boolean;
  method?: LoadMethod;
}

export const GENERATE_USAGE =
  'usage: npm run generate -- --events N [--seed S] [--reset] [--method copy|insert]\n' +
  `  --events  how many events, 1 to ${MAX_EVENTS} (10000, 10k, 1M and 1_000_000 all work)\n` +
  '  --seed    letters, digits, "-" or "_" (default 1); the same seed and events give the same graph\n' +
  '  --reset   delete the whole graph in the store first (otherwise the store must be empty)\n' +
  '  --method  copy (default) or insert (INSERT ... SELECT FROM unnest batches)';

/** "10000", "10k", "1M", "1_000_000" -> a number; NaN for anything else. */
function parseCount(text: string): number {
  const m = /^(\d[\d_]*)([kKmM]?)$/.exec(text);
  if (!m) return Number.NaN;
  const base = Number(m[1].replace(/_/g, ''));
  return base * (m[2].toLowerCase() === 'k' ? 1_000 : m[2].toLowerCase() === 'm' ? 1_000_000 : 1);
}

/** Parses the command's flags; every problem is reported at once, each naming its flag. */
export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const problems: FieldProblem[] = [];
  const values = new Map<string, string>();
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      problems.push({ path: arg, message: 'is not a flag: use --events, --seed, --reset or --method' });
      continue;
    }
    const [, name, inline] = m;
    if (name === 'reset') {
      if (inline !== undefined) problems.push({ path: '--reset', message: 'takes no value' });
      reset = true;
      continue;
    }
    if (!['events', 'seed', 'method'].includes(name)) {
      problems.push({ path: `--${name}`, message: 'is not a flag of generate: use --events, --seed, --reset or --method' });
      continue;
    }
    const value = inline ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
    if (value === undefined || value === '') problems.push({ path: `--${name}`, message: 'needs a value' });
    else if (values.has(name)) problems.push({ path: `--${name}`, message: 'is given twice' });
    else values.set(name, value);
  }
  const rawEvents = values.get('events');
  if (rawEvents === undefined && !problems.some((p) => p.path === '--events')) {
    problems.push({ path: '--events', message: 'is required: how many events to generate, e.g. --events 10000' });
  }
  const events = rawEvents === undefined ? Number.NaN : parseCount(rawEvents);
  if (rawEvents !== undefined && (!Number.isInteger(events) || events < 1 || events > MAX_EVENTS)) {
    problems.push({ path: '--events', message: `must be an integer from 1 to ${MAX_EVENTS}, got "${rawEvents}"` });
  }
  const seed = values.get('seed') ?? '1';
  try {
    validateGenerateOptions({ events: 1, seed });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    problems.push(...error.problems.map((p) => ({ path: `--${p.path}`, message: p.message })));
  }
  const method = values.get('method');
  if (method !== undefined && method !== 'copy' && method !== 'insert') {
    problems.push({ path: '--method', message: `must be copy or insert, got "${method}"` });
  }
  if (problems.length) throw new InvalidInputError(`Invalid arguments to generate (${problems.length} problem(s))\n${GENERATE_USAGE}`, problems);
  return { events, seed, reset, method: method as LoadMethod | undefined };
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');

/** The lines the command prints when it is done. */
export function describeResult(result: GenerateResult, where: string): string[] {
  if (!result.loaded) {
    return [
      `${where} already holds the generated graph of seed "${result.seed}" with ${number(result.events)} events; nothing written ` +
        '(pass --reset to load it again)',
    ];
  }
  const tables = GRAPH_TABLES.map((t) => `${TABLE_SPECS[t].table} ${number(result.counts[t])}`).join(', ');
  return [
    `generated seed "${result.seed}": ${number(result.events)} events, ${number(result.rows)} rows into ${where} by ${result.method.toUpperCase()}`,
    `  ${result.seconds.toFixed(1)} s (of which ${result.generateSeconds.toFixed(1)} s building rows): ` +
      `${number(result.eventsPerSecond)} events/s, ${number(result.rowsPerSecond)} rows/s; peak RSS ${number(result.peakRssMb)} MB` +
      (result.vacuumSeconds ? `; then VACUUM (ANALYZE) ${result.vacuumSeconds.toFixed(1)} s` : ''),
    `  rows: ${tables}`,
  ];
}

/** `npm run generate -- --events N --seed S`: migrates the configured store and loads a generated graph. */
export async function runGenerateCommand(argv: readonly string[], config: Config, log: (line: string) => void = console.log): Promise<GenerateResult> {
  const args = parseGenerateArgs(argv);
  // STATEMENT_TIMEOUT_MS bounds requests; the load sets its own, but the VACUUM after its commit runs
  // outside any transaction and at 1M events takes longer than a request may (5 s by default).
  const db = await openDatabase({ ...config, statementTimeoutMs: 0 });
  const where = config.databaseUrl ? `PostgreSQL (DATABASE_URL${config.databaseSchema ? `, schema ${config.databaseSchema}` : ''})` : `PGlite in ${config.dataDir}`;
  try {
    const applied = await migrate(db);
    if (applied.length) log(`migrated ${where}: applied ${applied.join(', ')}`);
    let nextTenth = 1;
    const result = await generateGraph(db, {
      events: args.events,
      seed: args.seed,
      reset: args.reset,
      method: args.method,
      onProgress: ({ events, seconds }) => {
        if (events < (nextTenth * args.events) / 10) return;
        while (events >= (nextTenth * args.events) / 10) nextTenth++;
        log(`  ${number(events)} / ${number(args.events)} events, ${seconds.toFixed(1)} s`);
      },
    });
    describeResult(result, where).forEach((line) => log(line));
    return result;
  } finally {
    await db.close();
  }
}
