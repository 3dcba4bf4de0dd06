import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { SafetyConfig } from '../config';

/**
 * graphql-armor's checks, run before execution as validation rules: depth, aliases, directives,
 * and field suggestions blocked unless
 * allowed. Every refusal names its limit and value ("Query depth limit of 12 exceeded, found 13.").
 */
export function armorProtection(config: SafetyConfig) {
  return new ApolloArmor({
    maxDepth: { n: config.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: config.maxDirectives },
    // Tokens are counted by requestGuards instead: armor's Apollo token plugin throws from
    // parsingDidStart, which Apollo answers with a 500 rather than a 400.
    maxTokens: { enabled: false },
    // Its cost model ignores `first` (and grows 1.5x per level); the node budget (cost.ts) replaces it.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !config.fieldSuggestions },
  }).protect();
}
