import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { projectRoot } from './common/project-root';
import { openDatabase } from './db/open';

// Everything heavy (type-graphql, Apollo, express, class-validator: ~0.4 s) is imported inside
// main, after the store has started opening, so that PGlite's engine compiles meanwhile.

/** The CLI (run by main.ts): `start`, `migrate`, `seed`, `schema`, `generate`, `import` or `keys`. Side effects live here only. */
async function main(command: string): Promise<void> {
  if (command === 'schema') {
    const { buildNewsgraphSchema, printSortedSchema } = await import('./graphql/schema');
    const path = join(projectRoot(), 'schema', 'schema.graphql');
    mkdirSync(join(projectRoot(), 'schema'), { recursive: true });
    writeFileSync(path, printSortedSchema(await buildNewsgraphSchema()));
    console.log(`wrote ${path}`);
    return;
  }
  if (command === 'generate') {
    const { runGenerateCommand } = await import('./generate/generate.command');
    await runGenerateCommand(process.argv.slice(3), loadConfig());
    return;
  }
  if (command === 'import') {
    const { runImportCommand } = await import('./bundles/import.command');
    await runImportCommand(process.argv.slice(3), loadConfig());
    return;
  }
  if (command === 'keys') {
    const { runKeysCommand } = await import('./auth/keys.command');
    await runKeysCommand(process.argv.slice(3), loadConfig());
    return;
  }
  if (!['start', 'migrate', 'seed'].includes(command)) {
    throw new Error(`unknown command "${command}": use start, migrate, seed, schema, generate, import or keys`);
  }
  const config = loadConfig();
  // When each step of starting ended, in seconds since the process started (printed with the ready line).
  const steps: string[] = [];
  const step = (name: string) => steps.push(`${name} ${(performance.now() / 1000).toFixed(2)}`);
  step('entry');
  const opening = openDatabase(config).then((db) => {
    step('store open');
    return db;
  });
  let modules;
  try {
    modules = await Promise.all([import('./db/migrate'), import('./bundles/seed'), command === 'start' ? import('./server') : null]);
  } catch (error) {
    await opening.then((db) => db.close()).catch(() => undefined);
    throw error;
  }
  const [{ migrate }, { seed }, server] = modules;
  step('modules');
  const db = await opening;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  try {
    const applied = await migrate(db);
    if (applied.length) console.log(`migrated ${where}: applied ${applied.join(', ')}`);
    step('migrations');
    if (command !== 'migrate') {
      const seeded = await seed(db);
      for (const bundle of seeded.bundles) {
        console.log(`seed ${bundle.article}: ${bundle.changed ? `loaded ${JSON.stringify(bundle.counts)}` : 'unchanged, skipped'}`);
      }
      step('seed');
    }
    if (!server) {
      await db.close();
      return;
    }
    const app = await server.createApp(db, { ideEnabled: config.ideEnabled, safety: config.safety, cache: config.cache });
    step('schema and server');
    await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
    step('listening');
    const { port } = app.httpServer.address() as AddressInfo;
    console.log(`Newsgraph ready at http://${config.host}:${port}/graphql (${where})`);
    console.log(`started (seconds since the process began): ${steps.join(', ')}; loaded from ${process.env.NEWSGRAPH_LOADED_FROM ?? 'files'}`);
    const shutdown = async (signal: string) => {
      console.log(`${signal}: finishing requests in flight, then closing the store`);
      await app.stop();
      await db.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

main(process.argv[2] ?? 'start').catch(async (error: unknown) => {
  const { InvalidInputError } = await import('./common/errors');
  console.error(error instanceof InvalidInputError ? error.report() : error);
  process.exit(1);
});
