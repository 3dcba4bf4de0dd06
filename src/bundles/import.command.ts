import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliCaller } from '../auth/caller';
import { InvalidInputError } from '../common/errors';
import type { Config } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { importBundle } from './bundle.import';
import { readBundle } from './bundle.reader';

export const IMPORT_USAGE =
  'usage: npm run import -- <bundle> [<bundle> ...]\n' +
  '  <bundle>  a folder holding bundle.json and article.txt (the layout of seed/), or one .json file with article.text inline';

/**
 * `npm run import -- path/to/bundle.json`: imports bundles the way the importArticle mutation does
 * (validated whole, one transaction each, audited as "cli:<user>"). Each bundle stands alone: a bad
 * one is reported with every problem and leaves the store as it was; the command then fails.
 */
export async function runImportCommand(argv: readonly string[], config: Config, log: (line: string) => void = console.log): Promise<void> {
  if (argv.length === 0 || argv.some((arg) => arg.startsWith('-'))) {
    throw new InvalidInputError(IMPORT_USAGE, [{ path: 'bundle', message: 'name at least one bundle folder or .json file' }]);
  }
  // `npm run` works in the package folder; paths are meant from where the user typed the command.
  const paths = argv.map((path) => resolve(process.env.INIT_CWD ?? process.cwd(), path));
  const missing = argv.filter((_path, i) => !existsSync(paths[i]));
  if (missing.length) throw new InvalidInputError(IMPORT_USAGE, missing.map((path) => ({ path, message: 'does not exist' })));
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const by = cliCaller();
    for (const [i, path] of argv.entries()) {
      try {
        const result = await importBundle(db, by, readBundle(paths[i]));
        log(
          result.changed
            ? `import ${result.article}: ${result.facts.created} created, ${result.facts.updated} updated, ${result.facts.deleted} deleted (bundle: ${JSON.stringify(result.counts)})`
            : `import ${result.article}: unchanged, nothing written`,
        );
      } catch (error) {
        if (error instanceof InvalidInputError) throw new InvalidInputError(`${path}: ${error.message}`, error.problems);
        throw error;
      }
    }
  } finally {
    await db.close();
  }
}
