import { useEffect, useState } from 'react';
import { ARTICLE_TEXT } from './queries';

/** A request the API refused or could not answer; the message is the API's own. */
export class ApiError extends Error {}

/** POSTs one operation to this server's public GraphQL endpoint, as any other client would. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: { data?: T; errors?: Array<{ message: string }> };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} without JSON`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok || body.data === undefined) throw new ApiError(`The API answered HTTP ${response.status}`);
  return body.data;
}

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/**
 * Runs a query whenever its variables change. While a new answer loads, the previous data stays
 * (so a currency switch does not blank the page); a request overtaken by a newer one is aborted.
 */
export function useQuery<T>(query: string, variables: Record<string, unknown>): QueryState<T> & { forKey: string } {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<T> & { forKey: string }>({ data: undefined, error: undefined, loading: true, forKey: '' });
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    gql<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal).then(
      (data) => setState({ data, error: undefined, loading: false, forKey: key }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ data: undefined, error, loading: false, forKey: key });
      },
    );
    return () => controller.abort();
  }, [query, key]);
  return state;
}

const articleTexts = new Map<string, Promise<string>>();

/** An article's text, fetched once per page load (evidence spans index into it). */
export function articleText(slug: string): Promise<string> {
  let text = articleTexts.get(slug);
  if (!text) {
    text = gql<{ article: { text: string } | null }>(ARTICLE_TEXT, { slug }).then(
      (data) => {
        if (!data.article) throw new ApiError(`article "${slug}" not found`);
        return data.article.text;
      },
    );
    text.catch(() => articleTexts.delete(slug));
    articleTexts.set(slug, text);
  }
  return text;
}
