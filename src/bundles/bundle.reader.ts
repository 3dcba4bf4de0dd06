import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvalidInputError } from '../common/errors';

/**
 * Reads a bundle from disk: a folder holding bundle.json and article.txt (the seed layout, which
 * keeps the article byte-identical to its source), or one .json file with article.text inline.
 */
export function readBundle(path: string): unknown {
  const jsonPath = statSync(path).isDirectory() ? join(path, 'bundle.json') : path;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } catch (error) {
    throw new InvalidInputError(`Invalid article bundle ${jsonPath}`, [
      { path: '', message: `is not valid JSON: ${(error as Error).message}` },
    ]);
  }
  const article = (raw as { article?: Record<string, unknown> } | null)?.article;
  const textPath = join(dirname(jsonPath), 'article.txt');
  if (article && typeof article === 'object' && article.text === undefined && existsSync(textPath)) {
    article.text = readFileSync(textPath, 'utf8');
  }
  return raw;
}

/** The bundle folders under a seed directory, in name order. */
export function seedBundlePaths(seedDir: string): string[] {
  return readdirSync(seedDir)
    .sort()
    .map((name) => join(seedDir, name))
    .filter((path) => statSync(path).isDirectory() && existsSync(join(path, 'bundle.json')));
}
