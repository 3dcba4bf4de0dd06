import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../src/server';
import { openSeededStore, type TestStore } from './support/backends';

describe('the HTTP server', () => {
  let store: TestStore;
  let app: App;
  let base: string;
  beforeAll(async () => {
    store = await openSeededStore('pglite');
    app = await createApp(store.db);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.stop();
    await store?.close();
  });

  it('answers a GraphQL POST at /graphql', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actor(slug: "vladimir-putin") { name } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { actor: { name: 'Vladimir Putin' } }, extensions: { cost: expect.objectContaining({ requested: 1, actual: 1 }) } });
  });

  it('serves GraphiQL to browsers from its own build (npm run build), loading nothing from elsewhere', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<div id="ide">');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/ide-[\w-]+\.js">/);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    const script = html.match(/src="(\/assets\/ide-[\w-]+\.js)"/)![1];
    expect((await fetch(`${base}${script}`)).status).toBe(200);
  });

  it('reports health and readiness', async () => {
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'pglite' });
  });

  it('rejects a malformed request with a 400, not a crash', async () => {
    const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
  });
});
