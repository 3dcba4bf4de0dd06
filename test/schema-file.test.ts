import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNewsgraphSchema, printSortedSchema } from '../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema` after changing a type)', async () => {
    const committed = readFileSync(join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSortedSchema(await buildNewsgraphSchema()));
  });
});
