import { Field, Int, ObjectType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { EventKindEnum } from '../common/common.types';
import { Event } from '../events/event.types';

@ObjectType({ description: 'One link of a chain: two actors and the event both took part in.' })
export class PathHop {
  @Field(() => Actor, { description: 'The actor this link starts from.' })
  from: Actor;

  @Field(() => Actor, { description: 'The actor this link reaches.' })
  to: Actor;

  @Field(() => Event, { description: 'The event that links them (the earliest, when several do).' })
  event: Event;
}

@ObjectType({ description: 'A shortest chain of actors linked through shared events.' })
export class ActorPath {
  @Field(() => Int, { description: 'How many links the chain has.' })
  length: number;

  @Field(() => [Actor], { description: 'The actors in order, from the first to the last.' })
  actors: Actor[];

  @Field(() => [PathHop], { description: 'The links in order, each naming its event.' })
  hops: PathHop[];
}

@ObjectType({ description: 'An actor in a neighbourhood and how many links away from the center it is.' })
export class NeighborhoodNode {
  @Field(() => Actor, { description: 'The actor.' })
  actor: Actor;

  @Field(() => Int, { description: 'Links from the center (0 for the center itself).' })
  distance: number;
}

@ObjectType({
  description:
    'Two actors of a neighbourhood and an event both took part in. Pledges point from donor to recipient and statements from speaker to subject; other kinds have no direction.',
})
export class NeighborhoodEdge {
  @Field(() => Actor, { description: 'One end (the donor or speaker where there is a direction).' })
  source: Actor;

  @Field(() => Actor, { description: 'The other end.' })
  target: Actor;

  @Field(() => Event, { description: 'The event linking them.' })
  event: Event;

  @Field(() => EventKindEnum, { description: "The event's kind, for styling a graph view." })
  kind: EventKindEnum;

  @Field({ description: "The source's role in the event." })
  sourceRole: string;

  @Field({ description: "The target's role in the event." })
  targetRole: string;
}

@ObjectType({ description: 'The subgraph around an actor, ready for a graph view.' })
export class Neighborhood {
  @Field(() => [NeighborhoodNode], { description: 'The actors, nearest first (the center first).' })
  nodes: NeighborhoodNode[];

  @Field(() => [NeighborhoodEdge], { description: 'Events linking any two of those actors, in date order.' })
  edges: NeighborhoodEdge[];

  @Field({ description: 'True when the node or edge limit cut the subgraph short.' })
  truncated: boolean;
}
