import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getNamedType, isEnumType, isLeafType, isNonNullType, isObjectType, isInterfaceType, type GraphQLArgument, type GraphQLSchema, type GraphQLField } from 'graphql';
import { buildNewsgraphSchema } from '../src/graphql/schema';
import { backends, openSeededStore, rowCounts, type TestStore } from './support/backends';
import { createTestKeys } from './support/keys';
import { startLiveServer, type LiveServer } from './support/live-server';

// Bounded: each property runs a fixed number of times with a fixed seed (FUZZ_RUNS/FUZZ_SEED to vary).
const RUNS = Number(process.env.FUZZ_RUNS || 60);
const SEED = Number(process.env.FUZZ_SEED || 20250411);
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

/** Documents built from the real schema: random fields, arguments of random values (often wrong), random nesting. */
function documentArbitrary(schema: GraphQLSchema): fc.Arbitrary<string> {
  const argValue = fc.oneof(
    fc.integer({ min: -5, max: 300 }).map(String),
    fc.constantFrom('"vladimir-putin"', '"nato"', '"ukraine"', '"2025"', '"USD"', '""', 'null', 'true', '"x"', '[]', '{}', '"bm90LWEtY3Vyc29y"'),
    fc.string({ maxLength: 12 }).map((text) => JSON.stringify(text)),
  );
  return fc.infiniteStream(fc.nat({ max: 1_000_000 })).chain((stream) =>
    fc.tuple(fc.array(argValue, { minLength: 40, maxLength: 40 }), fc.constant(stream)).map(([values, numbers]) => {
      const next = () => numbers.next().value as number;
      let valueIndex = 0;
      const SLUGS = ['"vladimir-putin"', '"steve-witkoff"', '"nato"', '"ukraine"', '"brussels"', '"witkoff-putin-brussels"'];
      // Mostly a value of the argument's type (so that documents run), sometimes anything.
      const valueFor = (arg: GraphQLArgument): string => {
        const type = getNamedType(arg.type);
        const roll = next() % 10;
        if (roll === 0) return values[valueIndex++ % values.length];
        if (type.name === 'Int') return String((next() % 130) - 10);
        if (type.name === 'Boolean') return roll % 2 ? 'true' : 'false';
        if (isEnumType(type)) return type.getValues()[next() % type.getValues().length].name;
        if (type.name === 'String' || type.name === 'ID') return SLUGS[next() % SLUGS.length];
        return values[valueIndex++ % values.length];
      };
      const selection = (type: ReturnType<typeof getNamedType>, depth: number): string => {
        if (!(isObjectType(type) || isInterfaceType(type))) return '__typename';
        const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
        const picked = new Set<number>();
        const count = 1 + (next() % 3);
        for (let i = 0; i < count; i++) picked.add(next() % fields.length);
        return [...picked]
          .map((index) => {
            const field = fields[index];
            const args = field.args
              .filter((arg) => isNonNullType(arg.type) || next() % 3 === 0)
              .map((arg) => `${arg.name}: ${valueFor(arg)}`)
              .join(', ');
            const head = args ? `${field.name}(${args})` : field.name;
            const named = getNamedType(field.type);
            if (isLeafType(named)) return head;
            return depth >= 4 ? `${head} { __typename }` : `${head} { ${selection(named, depth + 1)} }`;
          })
          .join(' ');
      };
      return `{ ${selection(schema.getQueryType()!, 1)} }`;
    }),
  );
}

describe.each(backends())('fuzzing the live server (%s)', (backend) => {
  let store: TestStore;
  let server: LiveServer;
  let schema: GraphQLSchema;
  let editor: string;
  let bundle: any;
  beforeAll(async () => {
    store = await openSeededStore(backend);
    editor = (await createTestKeys(store.db)).editor.key;
    server = await startLiveServer(store.db, { rateLimiter: null });
    schema = await buildNewsgraphSchema();
    const folder = join(__dirname, '..', 'seed', 'witkoff-putin-brussels');
    bundle = JSON.parse(readFileSync(join(folder, 'bundle.json'), 'utf8'));
    bundle.article.text = readFileSync(join(folder, 'article.txt'), 'utf8');
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  async function alive() {
    expect((await server.post({ query: '{ actor(slug: "nato") { slug } }' })).body.data.actor.slug).toBe('nato');
  }

  it('answers random bytes as a body, or as a document, without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), fc.boolean(), async (text, asDocument) => {
        const answer = await server.post(asDocument ? { query: text } : text);
        expect(answer.status).toBeLessThan(500);
        expect(answer.status === 200 || answer.body.errors?.length > 0).toBe(true);
      }),
      params,
    );
    await alive();
  });

  it('answers random documents over the schema with data or named errors, never a 5xx or a masked error', async () => {
    let executed = 0;
    await fc.assert(
      fc.asyncProperty(documentArbitrary(schema), async (query) => {
        const answer = await server.post({ query });
        if (answer.body.data) executed++;
        else if (process.env.FUZZ_DEBUG) console.log(answer.body.errors?.[0]?.message);
        expect(answer.status).toBeLessThan(500);
        for (const error of answer.body.errors ?? []) {
          expect([error.message, error.extensions?.code]).not.toEqual(['Internal server error', 'INTERNAL_SERVER_ERROR']);
        }
      }),
      params,
    );
    // The generator is no use if everything is refused by validation: many documents must have run.
    expect(executed).toBeGreaterThan(RUNS / 5);
    await alive();
  });

  it('answers random variables with data or BAD_USER_INPUT', async () => {
    const query = 'query($first: Int, $after: String, $slug: String!, $filter: ActorFilter) { actor(slug: $slug) { name } actors(first: $first, after: $after, filter: $filter) { totalCount } }';
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('first', 'after', 'slug', 'filter', 'other'), fc.jsonValue({ maxDepth: 3 })), async (variables) => {
        const answer = await server.post({ query, variables });
        expect(answer.status).toBeLessThan(500);
        for (const error of answer.body.errors ?? []) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND']).toContain(error.extensions.code);
      }),
      params,
    );
    await alive();
  });

  it('imports random damage to a real bundle whole or not at all, and never stores an invalid span', async () => {
    const mutation = 'mutation($bundle: ArticleBundleInput!) { importArticle(bundle: $bundle) { changed } }';
    const paths: string[][] = [];
    const collect = (value: unknown, path: string[]) => {
      if (path.length) paths.push(path);
      if (value && typeof value === 'object' && path.length < 6) for (const [key, child] of Object.entries(value)) collect(child, [...path, key]);
    };
    collect(bundle, []);
    let imported = 0;
    const damage = fc.tuple(fc.constantFrom(...paths.filter((path) => path[path.length - 1] !== 'text')), fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.integer({ min: -10, max: 5000 })));
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 0, maxLength: 3 }), async (damages) => {
        const copy = structuredClone(bundle);
        for (const [path, value] of damages) {
          let target = copy;
          for (const key of path.slice(0, -1)) target = target?.[key];
          if (target && typeof target === 'object') target[path[path.length - 1]] = value;
        }
        const before = await rowCounts(store.db);
        const answer = await server.post({ query: mutation, variables: { bundle: copy } }, { authorization: `Bearer ${editor}` });
        expect(answer.status).toBeLessThan(500);
        if (answer.body.data?.importArticle) imported++;
        if (answer.body.errors) {
          for (const error of answer.body.errors) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'CONFLICT']).toContain(error.extensions.code);
          expect(await rowCounts(store.db)).toEqual(before);
        }
        const [bad] = await store.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM evidence e JOIN articles a ON a.id = e.article_id WHERE e.quote <> substr(a.text, e.start_offset + 1, e.end_offset - e.start_offset)',
        );
        expect(bad.n).toBe(0);
      }),
      { ...params, numRuns: Math.ceil(RUNS / 2) },
    );
    console.log(`bundle fuzzing: ${imported} of ${Math.ceil(RUNS / 2)} damaged bundles were still valid and imported`);
    await alive();
  });
});
