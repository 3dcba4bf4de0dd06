import { ArrayMaxSize, IsEnum, IsOptional, Matches } from 'class-validator';
import { Field, InputType, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { Evidence } from '../articles/article.types';
import { PartialDateType } from '../common/common.types';
import { connectionOf, Node, typeNameOf, type NodeRecord } from '../graphql/relay';
import { Place } from '../places/place.types';

export enum EventKindEnum {
  MEETING = 'MEETING',
  GATHERING = 'GATHERING',
  PLEDGE = 'PLEDGE',
  STATEMENT = 'STATEMENT',
  PROPOSAL = 'PROPOSAL',
  ACTION = 'ACTION',
}
registerEnumType(EventKindEnum, { name: 'EventKind', description: 'What sort of event.' });

export enum EventStatus {
  OCCURRED = 'OCCURRED',
  ONGOING = 'ONGOING',
  PLANNED = 'PLANNED',
  POTENTIAL = 'POTENTIAL',
}
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description: 'Whether the event took place (OCCURRED), is under way, is planned, or is only talked of (POTENTIAL).',
});

export const SLUG_RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_RULE_MESSAGE = 'must be a slug: lowercase letters, digits and single hyphens';

@InterfaceType({
  implements: Node,
  description: 'Something that happened (or may happen) that actors take part in, as reported by articles.',
  resolveType: (value: NodeRecord) => typeNameOf(value),
})
export abstract class Event extends Node {
  @Field({ description: 'Stable human-readable key, e.g. "witkoff-putin-third-meeting".' })
  slug: string;

  @Field(() => EventKindEnum, { description: 'MEETING, GATHERING, PLEDGE, STATEMENT, PROPOSAL or ACTION.' })
  kind: EventKindEnum;

  @Field({ description: 'A short headline for the event.' })
  title: string;

  @Field(() => EventStatus, { description: 'Whether it took place or is only planned or talked of.' })
  status: EventStatus;

  @Field(() => PartialDateType, { nullable: true, description: 'When, as precisely as the sources say; null when unknown.' })
  date: PartialDateType | null;

  @Field(() => Place, { nullable: true, description: 'Where, when the sources say.' })
  place: Place | null;

  @Field(() => [Participation], { description: 'Who took part and as what (host, guest, donor, recipient, speaker, ...).' })
  participants: Participation[];

  @Field(() => [Evidence], { description: 'Spans of articles that report the event.' })
  evidence: Evidence[];
}

@ObjectType({ description: "An actor's part in an event." })
export class Participation {
  @Field(() => Actor, { description: 'Who.' })
  actor: Actor;

  @Field(() => String, {
    nullable: true,
    description: 'As what: host, guest, attendee, donor, recipient, announcer, speaker, subject, proposer, aggressor, target, ...',
  })
  role: string | null;
}

@ObjectType({ implements: [Event, Node], description: 'Many parties gathered in one place, e.g. allies meeting in Brussels.' })
export class Gathering extends Event {}

@ObjectType({
  implements: [Event, Node],
  description: 'Something actors did to others: an invasion, a severing of ties, an accusation.',
})
export class Action extends Event {
  @Field({ description: 'What sort of action, as a slug: "invasion", "severed-ties", "accusation", ...' })
  category: string;
}

export const EventConnection = connectionOf('Event', Event, 'event');

@InputType({ description: 'Narrows a list of events; every field given must hold.' })
export class EventFilter {
  @Field(() => [EventKindEnum], { nullable: true, description: 'Only events of one of these kinds.' })
  @IsOptional()
  @IsEnum(EventKindEnum, { each: true })
  @ArrayMaxSize(6)
  kinds?: EventKindEnum[] | null;

  @Field(() => EventStatus, { nullable: true, description: 'Only events with this status.' })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus | null;

  @Field(() => String, { nullable: true, description: 'Only events this actor (slug) took part in, in any role.' })
  @IsOptional()
  @Matches(SLUG_RULE, { message: SLUG_RULE_MESSAGE })
  participant?: string | null;

  @Field(() => String, { nullable: true, description: 'Only events at this place (slug).' })
  @IsOptional()
  @Matches(SLUG_RULE, { message: SLUG_RULE_MESSAGE })
  place?: string | null;
}
