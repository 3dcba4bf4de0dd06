import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverAudits, type AuditFail, type AuditResult } from 'graphql-http';
import { backends, openSeededStore, type TestStore } from './support/backends';
import { startLiveServer, type LiveServer } from './support/live-server';

describe.each(backends())('GraphQL over HTTP compliance, graphql-http serverAudits (%s)', (backend) => {
  let store: TestStore;
  let server: LiveServer;
  let results: AuditResult[];
  beforeAll(async () => {
    store = await openSeededStore(backend);
    server = await startLiveServer(store.db);
    results = await Promise.all(serverAudits({ url: server.url, fetchFn: fetch }).map((audit) => audit.fn()));
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  it('passes every MUST', () => {
    const failures = results.filter((result): result is AuditFail => result.status === 'error').map((result) => `${result.id} ${result.name}: ${result.reason}`);
    expect(failures).toEqual([]);
  });

  it('has every SHOULD warning explained in the README', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const warnings = results.filter((result): result is AuditFail => result.status === 'warn');
    for (const warning of warnings) console.log(`${warning.id} ${warning.name}: ${warning.reason}`);
    const unexplained = warnings.filter((warning) => !readme.includes(`\`${warning.id}\``)).map((warning) => `${warning.id} ${warning.name}`);
    expect(unexplained).toEqual([]);
  });
});
