import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { Evidence } from '../articles/article.types';
import { Event } from '../events/event.types';
import { Node } from '../graphql/relay';

export enum StancePosition {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  CONDITIONAL = 'CONDITIONAL',
  UNDECIDED = 'UNDECIDED',
}
registerEnumType(StancePosition, {
  name: 'StancePosition',
  description: 'Where an actor stands on a proposal. NOT_ACCEPTED: has not agreed (without an outright rejection).',
});

@ObjectType({ implements: [Event, Node], description: 'A proposal put forward by an actor, e.g. a 30-day cease-fire.' })
export class Proposal extends Event {
  @Field(() => String, { nullable: true, description: 'What the proposal would do, in a sentence.' })
  summary: string | null;
}

@ObjectType({ description: "An actor's position on a proposal, with the conditions it sets." })
export class Stance {
  @Field(() => Actor, { description: 'Whose stance.' })
  actor: Actor;

  @Field(() => Proposal, { description: 'On which proposal.' })
  proposal: Proposal;

  @Field(() => StancePosition, { description: 'The position taken.' })
  position: StancePosition;

  @Field(() => [String], { description: 'Conditions or demands attached to the position.' })
  conditions: string[];

  @Field(() => [Evidence], { description: 'Spans that support the stance.' })
  evidence: Evidence[];

  @Field(() => Int, { description: 'Goes up by one with every change; updateStance and deleteStance name the version they read.' })
  version: number;
}
