import { GraphiQL } from 'graphiql';
import { GraphQLError, type ExecutionResult } from 'graphql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import readme from '../../../README.md?raw';
import { readmeExamples } from '../shared/readme-examples';

type Params = { query: string; variables?: unknown; operationName?: string | null };

/** POSTs to this server's /graphql with the headers typed into the headers pane. */
async function fetcher(params: Params, options?: { headers?: Record<string, unknown> }): Promise<ExecutionResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [name, value] of Object.entries(options?.headers ?? {})) headers[name] = String(value);
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  const text = await response.text();
  try {
    return JSON.parse(text) as ExecutionResult;
  } catch {
    return { errors: [new GraphQLError(`HTTP ${response.status}: ${text.slice(0, 500)}`)] };
  }
}

const headers = `{
  // Uncomment and paste an API key to act as its holder:
  // "Authorization": "Bearer <your API key>"
}`;

const tabs = readmeExamples(readme).map((example) => ({ query: example.query, headers }));

createRoot(document.getElementById('ide')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={tabs}
      defaultHeaders={headers}
      defaultEditorToolsVisibility="headers"
      isHeadersEditorEnabled
      visiblePlugin="Documentation Explorer"
    >
      <GraphiQL.Logo>Newsgraph</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
