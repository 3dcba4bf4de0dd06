import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import type { Database } from '../db/database';
import { loadExchangeRates } from '../money/exchange-rates.seed';
import { readBundle, seedBundlePaths } from './bundle.reader';
import { loadBundle, type LoadResult } from './bundle.writer';

export function seedDir(): string {
  return join(projectRoot(), 'seed');
}

/**
 * Loads seed/: the rate table, then every bundle folder. Safe to run on every start: a bundle
 * already loaded unchanged is skipped, so nothing is duplicated.
 */
export async function seed(db: Database, dir: string = seedDir()): Promise<{ rates: number; bundles: LoadResult[] }> {
  const rates = await loadExchangeRates(db, join(dir, 'exchange-rates.json'));
  const bundles: LoadResult[] = [];
  for (const path of seedBundlePaths(dir)) bundles.push(await loadBundle(db, readBundle(path)));
  return { rates, bundles };
}
