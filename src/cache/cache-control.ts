import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from 'graphql';

/**
 * Apollo's @cacheControl directive (cachePolicyPlugin reads it from the schema's AST, by the rules
 * of Apollo's cache-control plugin).
 * Fields without a hint get CACHE_MAX_AGE; a hint on a type or field narrows it. The answer's
 * policy is the most restrictive of its fields: it sets the Cache-Control header and decides
 * whether the response cache may keep the answer (PUBLIC and maxAge > 0) and for how long.
 */
export const cacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  description: 'How long an answer containing this type or field may be cached, and by whom (PRIVATE: only the asking client).',
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT, DirectiveLocation.INTERFACE, DirectiveLocation.UNION],
  args: {
    maxAge: { type: GraphQLInt },
    scope: {
      type: new GraphQLEnumType({ name: 'CacheControlScope', values: { PUBLIC: {}, PRIVATE: {} } }),
    },
    inheritMaxAge: { type: GraphQLBoolean },
  },
});

/** Never cached, by anyone: answers that depend on who asks, or that must always be current. */
export const UNCACHED = '@cacheControl(maxAge: 0, scope: PRIVATE)';
