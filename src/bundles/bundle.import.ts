import type { Caller } from '../auth/caller';
import { InvalidInputError } from '../common/errors';
import type { Database } from '../db/database';
import { loadBundle, type LoadResult } from './bundle.writer';

/**
 * Imports a bundle as `by` (the importArticle mutation, `npm run import`): validated whole, written
 * in one transaction with its audit entries. `path` names where the bundle came from in problem
 * paths: "bundle" for the mutation's argument (`bundle.events[3].evidence[0].end`).
 */
export async function importBundle(db: Database, by: Caller, raw: unknown, path = ''): Promise<LoadResult> {
  try {
    return await loadBundle(db, raw, { by });
  } catch (error) {
    if (!(error instanceof InvalidInputError) || !path) throw error;
    const problems = error.problems.map((p) => ({ path: p.path ? `${path}.${p.path}` : path, message: p.message }));
    throw new InvalidInputError(error.message, problems);
  }
}
