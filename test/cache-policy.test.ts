import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { cachePolicyPlugin, operationCachePolicy } from '../src/cache/cache-policy.plugin';
import { createContext, type Context } from '../src/graphql/context';
import { buildNewsgraphSchema } from '../src/graphql/schema';
import { formatError } from '../src/server';
import { openSeededStore, type TestStore } from './support/backends';
import { createTestKeys } from './support/keys';

const DEFAULT_MAX_AGE = 60;
const apollos = (schema: GraphQLSchema, rootValue?: unknown) => ({
  apollo: new ApolloServer<Context>({ schema, formatError, rootValue, plugins: [ApolloServerPluginCacheControl({ defaultMaxAge: DEFAULT_MAX_AGE })] }),
  ours: new ApolloServer<Context>({
    schema,
    formatError,
    rootValue,
    plugins: [ApolloServerPluginCacheControlDisabled(), cachePolicyPlugin({ defaultMaxAge: DEFAULT_MAX_AGE }) as ApolloServerPlugin<Context>],
  }),
});

async function header(server: ApolloServer<Context>, query: string, contextValue: Context): Promise<string | undefined> {
  const response = await server.executeOperation({ query }, { contextValue });
  return response.http.headers.get('cache-control');
}

describe('the cache policy worked out once per document', () => {
  describe('gives the Cache-Control header of Apollo\'s per-field plugin on the real schema', () => {
    let store: TestStore;
    let servers: ReturnType<typeof apollos>;
    let admin: { key: string };
    beforeAll(async () => {
      store = await openSeededStore('pglite');
      ({ admin } = await createTestKeys(store.db));
      servers = apollos(await buildNewsgraphSchema());
      await Promise.all([servers.apollo.start(), servers.ours.start()]);
    });
    afterAll(async () => {
      await Promise.all([servers.apollo.stop(), servers.ours.stop()]);
      await store.close();
    });

    const cases: [string, string, boolean][] = [
      ['an actor page', '{ actor(slug: "steve-witkoff") { name meetings(first: 5) { edges { node { title participants { role actor { name ... on Person { roles { title } } } } } } } } }', false],
      ['fragments on abstract types', 'query Q { search(text: "Witkof") { score node { ...N } } } fragment N on Node { id ... on Actor { name } ... on Event { title } }', false],
      ['who met whom and a path', '{ whoMetWhom(first: 3) { totalCount edges { node { meetingCount actors { name } } } } path(from: "steve-witkoff", to: "vladimir-putin") { length } }', false],
      ['only __typename', '{ __typename }', false],
      ['introspection', '{ __schema { queryType { name } } }', false],
      ['the audit log (maxAge 0, PRIVATE), as an admin', '{ auditLog(first: 2) { edges { node { action } } } }', true],
      ['the audit log, anonymously (refused)', '{ auditLog(first: 2) { edges { node { action } } } }', false],
      ['an error in one field', '{ actor(slug: "steve-witkoff") { name } path(from: "nobody", to: "nobody-else") { length } }', false],
      ['a syntax error', '{ actor(slug: ', false],
    ];
    it.each(cases)('%s', async (_name, query, asAdmin) => {
      const context = () => createContext(store.db, { authorization: asAdmin ? `Bearer ${admin.key}` : null });
      const expected = await header(servers.apollo, query, context());
      expect(expected).toBeDefined();
      expect(await header(servers.ours, query, context())).toBe(expected);
    });
  });

  describe("follows Apollo's rules for hints on types and fields", () => {
    const schema = buildSchema(`
      enum CacheControlScope { PUBLIC PRIVATE }
      directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
      type Query { book: Book, books: [Book], short: Book @cacheControl(maxAge: 10), me: User, count: Int }
      type Book @cacheControl(maxAge: 30) { title: String, author: Author, reviews: [Review] @cacheControl(inheritMaxAge: true) }
      type Author { name: String, secretly: User }
      type Review @cacheControl(inheritMaxAge: true) { stars: Int }
      type User @cacheControl(maxAge: 0, scope: PRIVATE) { name: String }
    `);
    const root = {
      book: { title: 'T', author: { name: 'A', secretly: { name: 'U' } }, reviews: [{ stars: 5 }] },
      books: [],
      short: { title: 'S', author: { name: 'A' }, reviews: [] },
      me: { name: 'U' },
      count: 3,
    };
    const servers = apollos(schema, root);
    beforeAll(() => Promise.all([servers.apollo.start(), servers.ours.start()]));
    afterAll(() => Promise.all([servers.apollo.stop(), servers.ours.stop()]));

    it.each([
      ['a type hint', '{ book { title } }'],
      ['a field hint narrower than its type', '{ short { title } }'],
      ['a composite field without hints gets the default', '{ book { author { name } } }'],
      ['inheritMaxAge on a field and a type', '{ book { reviews { stars } } }'],
      ['a root scalar field gets the default', '{ count }'],
      ['a PRIVATE type anywhere', '{ book { author { secretly { name } } } }'],
      ['several root fields: the most restrictive', '{ book { title } short { title } count }'],
    ])('%s', async (_name, query) => {
      const context = {} as Context;
      const expected = await header(servers.apollo, query, context);
      expect(await header(servers.ours, query, context)).toBe(expected);
    });

    it('is more restrictive, never less, where a field is left unresolved (an empty list)', async () => {
      const query = '{ books { author { secretly { name } } } }';
      // Apollo resolves no book, so no User: public. The document selects one: no-store.
      expect(await header(servers.apollo, query, {} as Context)).toBe('max-age=30, public');
      expect(await header(servers.ours, query, {} as Context)).toBe('no-store');
      expect(operationCachePolicy(schema, parse(query), null, DEFAULT_MAX_AGE)).toEqual({ maxAge: 0, scope: 'PRIVATE' });
    });

    it('reads the selections under an interface field for each type its object types narrow it to', () => {
      const narrowed = buildSchema(`
        enum CacheControlScope { PUBLIC PRIVATE }
        directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
        type Query { holder: Holder }
        interface Holder { item: Item }
        type HoldsHidden implements Holder { item: Hidden }
        type HoldsPlain implements Holder { item: Plain }
        interface Item { name: String }
        type Hidden implements Item { name: String @cacheControl(maxAge: 0, scope: PRIVATE) }
        type Plain implements Item { name: String }
      `);
      expect(operationCachePolicy(narrowed, parse('{ holder { item { name } } }'), null, DEFAULT_MAX_AGE)).toEqual({ maxAge: 0, scope: 'PRIVATE' });
    });
  });
});
