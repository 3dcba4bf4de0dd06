import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Builds the project with tsc (and, with `bundle`, the one-file bundle) into a folder of the calling
 * suite's own and returns the path of its main.js. Suites run in parallel workers: one rebuilding a shared dist/ rewrites files another's
 * child process is loading (a truncated module fails that child at random).
 */
export function buildMain(suite: string, options: { bundle?: boolean } = {}): { main: string; remove: () => void } {
  const out = join(root, 'node_modules', '.cache', `newsgraph-build-${suite}-${process.pid}`);
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', out], { cwd: root, stdio: 'pipe' });
  // As `npm run build:server` does: the CLI and its dependencies in one file, which main.js runs.
  if (options.bundle) execFileSync(process.execPath, [join(root, 'scripts', 'bundle-server.mjs'), out], { cwd: root, stdio: 'pipe' });
  return { main: join(out, 'src', 'main.js'), remove: () => rmSync(out, { recursive: true, force: true }) };
}
