import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSeededApi } from './support/graphql';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const queries = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]).filter((q) => !/^\s*mutation/.test(q));

describe('the README example queries', () => {
  const seeded = useSeededApi('pglite');
  it('are there', () => expect(queries.length).toBeGreaterThanOrEqual(8));
  it.each(queries.map((q, i) => [i + 1, q]))('example %i runs without errors and finds something', async (_i, source) => {
    const answer = await seeded.api.query(source as string);
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).not.toMatch(/^\{("\w+":(null|\[\]),?)*\}$/);
  });
});
