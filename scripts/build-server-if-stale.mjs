// `npm start` runs this first: it compiles the server (tsc, ~10 s, then the one-file bundle, ~1 s)
// only when a source or build setting is newer than the last build, so that starting an unchanged
// checkout takes no time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const stamp = join(root, 'dist', '.server-build');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), info.mtimeMs);
}

const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/bundle-server.mjs'].map((name) => join(root, name));
const built = existsSync(stamp) && existsSync(join(root, 'dist', 'newsgraph.js')) ? statSync(stamp).mtimeMs : 0;
if (inputs.some((input) => existsSync(input) && newest(input) > built)) {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle-server.mjs')], { stdio: 'inherit' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
