import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Actor } from '../actors/actor.types';
import { EventKindEnum } from '../common/common.types';
import { checkIntRange } from '../common/errors';
import type { EventRecord } from '../events/event.repository';
import { Event } from '../events/event.types';
import { loadAll, type Context } from '../graphql/context';
import { primeNode } from '../graphql/loaders';
import { neighborhood, shortestChains, type ChainRecord, type LinkRecord } from './graph.repository';
import { ActorPath, Neighborhood, NeighborhoodEdge, NeighborhoodNode, PathHop } from './graph.types';

export const MAX_HOPS = 4;
const MAX_PATHS = 100;
const MAX_NODES = 500;
const MAX_EDGES = 2000;

@Resolver(() => ActorPath)
export class PathResolver {
  @Query(() => [ActorPath], {
    description: `The shortest chains of actors linking two actors through shared events (at most maxHops links, up to ${MAX_HOPS}); empty when none is that short.`,
  })
  path(
    @Arg('from', () => String, { description: 'The first actor (slug).' }) from: string,
    @Arg('to', () => String, { description: 'The last actor (slug).' }) to: string,
    @Arg('maxHops', () => Int, { defaultValue: 3, description: `Longest chain to look for: 1-${MAX_HOPS}.` }) maxHops: number,
    @Arg('kinds', () => [EventKindEnum], { nullable: true, description: 'Only events of these kinds link actors (default: all).' })
    kinds: EventKindEnum[] | null,
    @Arg('first', () => Int, { defaultValue: 10, description: `How many chains at most: 1-${MAX_PATHS}.` }) first: number,
    @Ctx() { db }: Context,
  ): Promise<ChainRecord[]> {
    checkIntRange('maxHops', maxHops, 1, MAX_HOPS);
    checkIntRange('first', first, 1, MAX_PATHS);
    return shortestChains(db, from, to, maxHops, kinds ?? [], first);
  }

  @FieldResolver(() => Int)
  length(@Root() chain: ChainRecord): number {
    return chain.eventIds.length;
  }

  @FieldResolver(() => [Actor])
  actors(@Root() chain: ChainRecord, @Ctx() { loaders }: Context): Promise<ActorRecord[]> {
    return loadAll(loaders.actor, chain.actorIds);
  }

  @FieldResolver(() => [PathHop])
  hops(@Root() chain: ChainRecord): { fromId: string; toId: string; eventId: string }[] {
    return chain.eventIds.map((eventId, i) => ({ fromId: chain.actorIds[i], toId: chain.actorIds[i + 1], eventId }));
  }
}

type HopValue = { fromId: string; toId: string; eventId: string };
type NodeValue = { actor: ActorRecord; distance: number };

@Resolver(() => PathHop)
export class PathHopResolver {
  @FieldResolver(() => Actor)
  from(@Root() hop: HopValue, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    return loaders.actor.load(hop.fromId);
  }

  @FieldResolver(() => Actor)
  to(@Root() hop: HopValue, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    return loaders.actor.load(hop.toId);
  }

  @FieldResolver(() => Event)
  event(@Root() hop: HopValue, @Ctx() { loaders }: Context): Promise<EventRecord | null> {
    return loaders.event.load(hop.eventId);
  }
}

@Resolver(() => Neighborhood)
export class NeighborhoodResolver {
  @Query(() => Neighborhood, {
    description: `The actors within some links of an actor and the events linking them: nodes and typed edges for a graph view (hops up to ${MAX_HOPS}).`,
  })
  async neighborhood(
    @Arg('actor', () => String, { description: 'The center (slug).' }) actor: string,
    @Arg('hops', () => Int, { defaultValue: 1, description: `How many links out: 1-${MAX_HOPS}.` }) hops: number,
    @Arg('kinds', () => [EventKindEnum], { nullable: true, description: 'Only events of these kinds link actors (default: all).' })
    kinds: EventKindEnum[] | null,
    @Arg('maxNodes', () => Int, { defaultValue: 100, description: `At most this many actors: 1-${MAX_NODES}.` }) maxNodes: number,
    @Arg('maxEdges', () => Int, { defaultValue: 500, description: `At most this many edges: 1-${MAX_EDGES}.` }) maxEdges: number,
    @Ctx() { db, loaders }: Context,
  ): Promise<{ nodes: NodeValue[]; links: LinkRecord[]; truncated: boolean }> {
    checkIntRange('hops', hops, 1, MAX_HOPS);
    checkIntRange('maxNodes', maxNodes, 1, MAX_NODES);
    checkIntRange('maxEdges', maxEdges, 1, MAX_EDGES);
    const hood = await neighborhood(db, actor, hops, kinds ?? [], maxNodes, maxEdges);
    // Every edge's ends are among the nodes: their actors are already here.
    for (const node of hood.nodes) primeNode(loaders, node.actor);
    return hood;
  }

  @FieldResolver(() => [NeighborhoodNode])
  nodes(@Root() hood: { nodes: NodeValue[] }): NodeValue[] {
    return hood.nodes;
  }

  @FieldResolver(() => [NeighborhoodEdge])
  edges(@Root() hood: { links: LinkRecord[] }): LinkRecord[] {
    return hood.links;
  }
}

@Resolver(() => NeighborhoodEdge)
export class NeighborhoodEdgeResolver {
  @FieldResolver(() => Actor)
  source(@Root() link: LinkRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    return loaders.actor.load(link.sourceId);
  }

  @FieldResolver(() => Actor)
  target(@Root() link: LinkRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    return loaders.actor.load(link.targetId);
  }

  @FieldResolver(() => Event)
  event(@Root() link: LinkRecord, @Ctx() { loaders }: Context): Promise<EventRecord | null> {
    return loaders.event.load(link.eventId);
  }
}
