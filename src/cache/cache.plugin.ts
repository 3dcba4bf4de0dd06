import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import type { ResponseCache } from './response-cache';

/**
 * Marks an answer for the response cache when it may be shared: a query the front door handed on
 * (anonymous, CSRF-safe), answered without errors, whose cache-control hints make it PUBLIC with a
 * maxAge above 0. What is stored leaves out the asking client's own budget (`cost.remaining`).
 * A mutation empties this process's cache when it starts (answers being computed meanwhile are
 * then refused) and again when it has run (what was stored while it ran held the old state), so
 * its author reads its own write at once; other processes hear of it through PostgreSQL (see
 * invalidation.ts).
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const ticket = contextValue.cacheTicket;
      return {
        async executionDidStart(rc) {
          if (rc.operation.operation === 'mutation') cache.invalidate();
        },
        async willSendResponse(rc) {
          if (rc.operation?.operation === 'mutation') {
            cache.invalidate();
            return;
          }
          const body = rc.response.body;
          if (!ticket || rc.operation?.operation !== 'query' || body.kind !== 'single' || body.singleResult.errors) return;
          const policy = rc.overallCachePolicy.policyIfCacheable();
          if (!policy || policy.scope !== 'PUBLIC') return;
          const { data, extensions } = body.singleResult;
          let shared = extensions;
          const cost = extensions?.cost as Record<string, unknown> | undefined;
          if (cost && 'remaining' in cost) {
            const { remaining: _own, ...rest } = cost;
            shared = { ...extensions, cost: rest };
          }
          // The bytes Apollo itself writes for a result without errors (runHttpQuery's prettyJSONStringify).
          ticket.answer = { body: JSON.stringify({ data, extensions: shared }) + '\n', maxAgeSeconds: policy.maxAge };
        },
      };
    },
  };
}
