import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { seed } from './bundles/seed';
import { loadConfig } from './config';
import { InvalidInputError } from './common/errors';
import { projectRoot } from './common/project-root';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { runGenerateCommand } from './generate/generate.command';
import { runKeysCommand } from './auth/keys.command';
import { runImportCommand } from './bundles/import.command';
import { buildNewsgraphSchema, printSortedSchema } from './graphql/schema';
import { createApp } from './server';

/** The process entry: `start`, `migrate`, `seed`, `schema`, `generate`, `import` or `keys`. Side effects live here only. */
async function main(command: string): Promise<void> {
  if (command === 'schema') {
    const path = join(projectRoot(), 'schema', 'schema.graphql');
    mkdirSync(join(projectRoot(), 'schema'), { recursive: true });
    writeFileSync(path, printSortedSchema(await buildNewsgraphSchema()));
    console.log(`wrote ${path}`);
    return;
  }
  if (command === 'generate') {
    await runGenerateCommand(process.argv.slice(3), loadConfig());
    return;
  }
  if (command === 'import') {
    await runImportCommand(process.argv.slice(3), loadConfig());
    return;
  }
  if (command === 'keys') {
    await runKeysCommand(process.argv.slice(3), loadConfig());
    return;
  }
  if (!['start', 'migrate', 'seed'].includes(command)) {
    throw new Error(`unknown command "${command}": use start, migrate, seed, schema, generate, import or keys`);
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  try {
    const applied = await migrate(db);
    if (applied.length) console.log(`migrated ${where}: applied ${applied.join(', ')}`);
    if (command !== 'migrate') {
      const seeded = await seed(db);
      for (const bundle of seeded.bundles) {
        console.log(`seed ${bundle.article}: ${bundle.changed ? `loaded ${JSON.stringify(bundle.counts)}` : 'unchanged, skipped'}`);
      }
    }
    if (command !== 'start') {
      await db.close();
      return;
    }
    const app = await createApp(db, { ideEnabled: config.ideEnabled, safety: config.safety });
    await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
    const { port } = app.httpServer.address() as AddressInfo;
    console.log(`Newsgraph ready at http://${config.host}:${port}/graphql (${where})`);
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

main(process.argv[2] ?? 'start').catch((error: unknown) => {
  console.error(error instanceof InvalidInputError ? error.report() : error);
  process.exit(1);
});
