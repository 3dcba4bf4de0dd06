import { ArrayMaxSize, IsEnum, IsOptional } from 'class-validator';
import { Field, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { Evidence } from '../articles/article.types';
import { EventKindEnum, OrderDirection, PartialDateType } from '../common/common.types';
import { FilterGroup, FilterNot, PartialDateFilter, SlugFilter, SlugListFilter } from '../graphql/filter-fields';
import { connectionOf, Node, typeNameOf, type NodeRecord } from '../graphql/relay';
import { Place } from '../places/place.types';

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

export { EventKindEnum };

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

  @Field(() => Int, { description: 'Goes up by one with every change; updateEvent and deleteEvent name the version they read.' })
  version: number;
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

export const PARTIAL_FROM =
  'On or after this date ("2025", "2025-04" or "2025-04-11"). An event with a partial date matches when any day it may mean is in range; undated events never match a range.';
export const PARTIAL_TO = 'On or before this date ("2025", "2025-04" or "2025-04-11"); partial dates as for `from`.';

@InputType({ description: 'Narrows a list of events. Fields given combine with AND; and / or / not group other filters.' })
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

  @SlugFilter('This actor (slug) took part, in any role.')
  participant?: string | null;

  @SlugListFilter('At least one of these actors (slugs) took part.')
  participantsAny?: string[] | null;

  @SlugListFilter('Every one of these actors (slugs) took part.')
  participantsAll?: string[] | null;

  @SlugFilter('At this place (slug).')
  place?: string | null;

  @PartialDateFilter(PARTIAL_FROM)
  from?: string | null;

  @PartialDateFilter(PARTIAL_TO)
  to?: string | null;

  @SlugFilter('Reported by this article (slug).')
  article?: string | null;

  @FilterGroup('and', () => EventFilter)
  and?: EventFilter[] | null;

  @FilterGroup('or', () => EventFilter)
  or?: EventFilter[] | null;

  @FilterNot(() => EventFilter)
  not?: EventFilter | null;
}

export enum EventOrderField {
  DATE = 'DATE',
  TITLE = 'TITLE',
}
registerEnumType(EventOrderField, {
  name: 'EventOrderField',
  description: 'DATE: chronological (a partial date after the fuller dates inside it, unknown dates last). TITLE: alphabetical.',
});

@InputType({ description: 'How to order a list of events; ties are broken by id, so cursors stay stable.' })
export class EventOrder {
  @Field(() => EventOrderField, { description: 'What to order by.' })
  @IsEnum(EventOrderField)
  field: EventOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'ASC (default) or DESC.' })
  @IsEnum(OrderDirection)
  direction: OrderDirection;
}
