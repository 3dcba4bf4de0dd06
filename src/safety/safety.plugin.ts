import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import type { Logger } from 'pino';
import type { SafetyConfig } from '../config';
import type { Context } from '../graphql/context';
import { countObjects, requestedNodes } from './cost';
import type { RateLimiter } from './rate-limit';

/** What every answer reports in `extensions.cost`. */
export interface CostReport {
  /** Objects the operation may return at most, counted before it ran (0 when it was refused before costing). */
  requested: number;
  /** Objects in the answer's data; absent when nothing ran. */
  actual?: number;
  /** The per-request node budget (MAX_NODES). */
  limit: number;
  /** Points left in this client's budget after this request, when the budget is on. */
  remaining?: number;
}

/** The client a budget belongs to: its API key when it sent a valid one, else its IP address. */
async function clientOf(context: Context): Promise<string> {
  try {
    const caller = await context.caller();
    if (caller?.keyId) return `key:${caller.keyId}`;
  } catch {
    // An invalid key is refused where it matters (writes); for the budget it counts as no key.
  }
  return `ip:${context.clientIp ?? 'unknown'}`;
}

/**
 * Costs every operation before it runs (the node budget, then the client's budget), reports the
 * cost in extensions.cost, adds the request id to masked errors and writes one JSON log line per
 * request (request id, operation, duration, cost, error codes), and the original of masked errors.
 */
export function safetyPlugin(config: SafetyConfig, logger: Logger, limiter: RateLimiter | null): ApolloServerPlugin<Context> {
  return {
    async requestDidStart(start) {
      const began = performance.now();
      const cost: CostReport = { requested: 0, limit: config.maxNodes };
      const requestId = start.contextValue.requestId;
      let executed = false;
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of rc.document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          try {
            cost.requested = requestedNodes(rc.schema, rc.operation, fragments, rc.request.variables, config.listEstimate);
          } catch (error) {
            // A `first` out of range: refused like any bad input, before execution.
            if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
            throw error;
          }
          if (cost.requested > config.maxNodes) {
            throw new GraphQLError(
              `Node limit of ${config.maxNodes} exceeded: this operation may return ${cost.requested} objects (MAX_NODES; a connection counts its \`first\`, a plain list ${config.listEstimate}). Ask for smaller pages or split the query.`,
              { extensions: { code: 'QUERY_TOO_EXPENSIVE', limit: 'MAX_NODES', max: config.maxNodes, requested: cost.requested, http: { status: 400 } } },
            );
          }
          if (!limiter) return;
          const client = await clientOf(rc.contextValue);
          let decision;
          try {
            decision = await limiter.take(client, Math.max(1, cost.requested));
          } catch (error) {
            // The budget's store is unreachable: keep serving (fail open) and say so in the log.
            logger.warn({ requestId, err: error }, 'rate limit store unavailable; request not charged');
            return;
          }
          cost.remaining = decision.remaining;
          const headers = rc.response.http.headers;
          headers.set('ratelimit-limit', String(config.rateLimitCapacity));
          headers.set('ratelimit-remaining', String(decision.remaining));
          if (!decision.allowed) {
            headers.set('retry-after', String(decision.retryAfterSeconds));
            throw new GraphQLError(
              `Rate limit exceeded: this operation costs ${Math.max(1, cost.requested)} points and ${decision.remaining} are left of ${config.rateLimitCapacity} (RATE_LIMIT_CAPACITY, refilled at ${config.rateLimitRefillPerSecond}/s); retry after ${decision.retryAfterSeconds} s.`,
              {
                extensions: {
                  code: 'RATE_LIMITED',
                  retryAfterSeconds: decision.retryAfterSeconds,
                  remaining: decision.remaining,
                  http: { status: 429 },
                },
              },
            );
          }
        },
        async executionDidStart() {
          executed = true;
        },
        async didEncounterErrors(rc) {
          for (const error of rc.errors) {
            const code = error.extensions?.code;
            if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
              const original = error.originalError ?? error;
              logger.error({ requestId, operationName: rc.operationName, err: original }, 'internal error');
            }
          }
        },
        async willSendResponse(rc) {
          const body = rc.response.body;
          if (body.kind !== 'single') return;
          const result = body.singleResult;
          if (executed) cost.actual = countObjects(result.data ?? null);
          result.extensions = { ...result.extensions, cost: { ...cost } };
          if (result.errors) {
            result.errors = result.errors.map((error) =>
              error.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...error, extensions: { ...error.extensions, requestId } } : error,
            );
          }
          const codes = result.errors?.map((error) => error.extensions?.code ?? 'UNKNOWN');
          logger.info(
            {
              requestId,
              operationName: rc.operationName ?? null,
              operation: rc.operation?.operation ?? null,
              status: rc.response.http.status ?? 200,
              durationMs: Math.round((performance.now() - began) * 10) / 10,
              cost: { requested: cost.requested, actual: cost.actual ?? null },
              ...(codes ? { errors: codes } : {}),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
