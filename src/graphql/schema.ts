import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { cacheControlDirective } from '../cache/cache-control';
import { ActorResolver, OrganizationResolver, PersonResolver, RoleResolver } from '../actors/actor.resolver';
import { Country, Organization, Person } from '../actors/actor.types';
import { ArticleResolver, EvidenceResolver } from '../articles/article.resolver';
import { Article } from '../articles/article.types';
import { EventResolver, ParticipationResolver } from '../events/event.resolver';
import { Action, Gathering } from '../events/event.types';
import { CounterpartResolver, MeetingPairResolver, MeetingResolver } from '../meetings/meeting.resolver';
import { Meeting } from '../meetings/meeting.types';
import { PlaceResolver } from '../places/place.resolver';
import { Place } from '../places/place.types';
import { PledgeResolver } from '../pledges/pledge.resolver';
import { Pledge } from '../pledges/pledge.types';
import { ProposalResolver, StanceResolver } from '../proposals/proposal.resolver';
import { Proposal } from '../proposals/proposal.types';
import { SearchResolver } from '../search/search.resolver';
import { NeighborhoodEdgeResolver, NeighborhoodResolver, PathHopResolver, PathResolver } from '../graph/graph.resolver';
import { MeetingPairStatResolver, StatsResolver } from '../stats/stats.resolver';
import { StatementResolver } from '../statements/statement.resolver';
import { Statement } from '../statements/statement.types';
import { AuditResolver } from '../audit/audit.resolver';
import { authChecker } from '../auth/auth.checker';
import { BundleResolver } from '../bundles/bundle.resolver';
import { EditingResolver, EvidenceIdResolver, RoleIdResolver } from '../editing/editing.resolver';
import { NodeResolver } from './node.resolver';
import { validateArgs } from './validate-args';

/** Builds the executable schema from the type-graphql classes; input arguments are validated (validateArgs). */
export function buildNewsgraphSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      NodeResolver,
      ActorResolver,
      PersonResolver,
      OrganizationResolver,
      RoleResolver,
      ArticleResolver,
      EvidenceResolver,
      EventResolver,
      ParticipationResolver,
      MeetingResolver,
      MeetingPairResolver,
      CounterpartResolver,
      PledgeResolver,
      StatementResolver,
      ProposalResolver,
      StanceResolver,
      PlaceResolver,
      SearchResolver,
      PathResolver,
      PathHopResolver,
      NeighborhoodResolver,
      NeighborhoodEdgeResolver,
      StatsResolver,
      MeetingPairStatResolver,
      // Writing: article import, single-fact edits, the audit trail (editors and admins only).
      BundleResolver,
      EditingResolver,
      RoleIdResolver,
      EvidenceIdResolver,
      AuditResolver,
    ],
    // Types reachable only through interfaces (Node, Actor, Event) must be named.
    orphanedTypes: [Person, Country, Organization, Meeting, Gathering, Pledge, Statement, Proposal, Action, Place, Article],
    validateFn: validateArgs,
    // type-graphql's check runs a full introspection (~0.1 s of every start); graphql-js validates
    // the schema on the first request anyway, and test/schema-file.test.ts builds it on every run.
    skipCheck: true,
    // @cacheControl hints (src/cache/cache-control.ts) are read by cachePolicyPlugin (src/cache/cache-policy.plugin.ts).
    directives: [...specifiedDirectives, cacheControlDirective],
    // Reads are open; @Authorized fields (every mutation, auditLog) need an API key of their roles.
    authChecker,
  });
}

/** The SDL as committed in schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
