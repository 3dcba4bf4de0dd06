import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { createApp, type App, type AppOptions } from '../src/server';
import { openSeededStore, type TestStore } from './support/backends';

/**
 * How the server hands out the prebuilt pages: the explorer at /, GraphiQL at GET /graphql for
 * browsers (unless turned off), the API untouched for GraphQL clients. A stand-in build keeps these
 * checks independent of Vite; test/browser.test.ts runs the real build in Chromium.
 */
describe('the web pages the API process serves', () => {
  let store: TestStore;
  let webRoot: string;
  const apps: App[] = [];

  beforeAll(async () => {
    store = await openSeededStore('pglite');
    webRoot = mkdtempSync(join(tmpdir(), 'newsgraph-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>explorer</title><div id="app"></div>');
    writeFileSync(join(webRoot, 'ide.html'), '<!doctype html><title>ide</title><div id="ide"></div>');
    writeFileSync(join(webRoot, 'assets', 'app-abc123.js'), 'console.log("app")');
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await store?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  async function serve(options: AppOptions): Promise<string> {
    const app = await createApp(store.db, options);
    apps.push(app);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  }

  const page = (url: string) => fetch(url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  const graphql = (base: string, query: string) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

  describe('with the IDE on', () => {
    let base: string;
    beforeAll(async () => {
      base = await serve({ ideEnabled: true, webRoot });
    });

    it('does a browser asking for /graphql get GraphiQL, under a policy that forbids other hosts?', async () => {
      const response = await page(`${base}/graphql`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="ide">');
      const policy = response.headers.get('content-security-policy') ?? '';
      for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "font-src 'self' data:"]) expect(policy).toContain(directive);
    });

    it('does a browser asking for / get the explorer?', async () => {
      const response = await page(`${base}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="app">');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      const anyClient = await fetch(`${base}/`, { headers: { accept: '*/*' } });
      expect(anyClient.status).toBe(200);
      expect(await anyClient.text()).toContain('<div id="app">');
    });

    it('are hashed assets served and cached for good?', async () => {
      const response = await fetch(`${base}/assets/app-abc123.js`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    });

    it('do GraphQL clients still get the API at the same URL (POST, and GET with a query)?', async () => {
      const post = await graphql(base, '{ actor(slug: "steve-witkoff") { name } }');
      expect(await post.json()).toEqual({ data: { actor: { name: 'Steve Witkoff' } }, extensions: { cost: expect.objectContaining({ requested: 1, actual: 1 }) } });
      const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ actor(slug: "russia") { name } }')}`, {
        headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
      });
      expect(await get.json()).toEqual({ data: { actor: { name: 'Russia' } }, extensions: { cost: expect.objectContaining({ requested: 1, actual: 1 }) } });
    });

    it('does introspection, which the IDE needs, answer?', async () => {
      const response = await graphql(base, '{ __schema { queryType { name } } }');
      // Introspection is not costed (requested 0); its answer's objects still count as actual.
      expect(await response.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } }, extensions: { cost: expect.objectContaining({ requested: 0, actual: 2 }) } });
    });
  });

  describe('with the IDE off (IDE_ENABLED=false, or production)', () => {
    let base: string;
    beforeAll(async () => {
      base = await serve({ ideEnabled: false, webRoot });
    });

    it('does a browser asking for /graphql get no IDE, and is ide.html not reachable directly?', async () => {
      const response = await page(`${base}/graphql`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('The GraphQL IDE is turned off on this server (IDE_ENABLED)');
      expect((await page(`${base}/ide.html`)).status).toBe(404);
    });

    it('does the explorer and the API still work?', async () => {
      expect((await page(`${base}/`)).status).toBe(200);
      expect((await graphql(base, '{ actor(slug: "nato") { name } }')).status).toBe(200);
    });
  });

  it('does a missing build leave the API working and the pages saying how to build them?', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const base = await serve({ ideEnabled: true, webRoot: join(webRoot, 'not-built') });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('npm run build'));
      const response = await page(`${base}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
      expect((await page(`${base}/graphql`)).status).toBe(503);
      expect((await graphql(base, '{ actor(slug: "nato") { name } }')).status).toBe(200);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('IDE_ENABLED', () => {
  it('is the IDE on by default and off in production unless asked for?', () => {
    expect(loadConfig({}).ideEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).ideEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).ideEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', IDE_ENABLED: 'true' }).ideEnabled).toBe(true);
    expect(loadConfig({ IDE_ENABLED: 'false' }).ideEnabled).toBe(false);
  });

  it('is a value other than true or false refused, naming the variable?', () => {
    expect(() => loadConfig({ IDE_ENABLED: 'maybe' })).toThrow('IDE_ENABLED: must be true or false, got "maybe"');
  });
});
