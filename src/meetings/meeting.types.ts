import { IsEnum, IsOptional } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { PartialDateType } from '../common/common.types';
import { Event, EventStatus, PARTIAL_FROM, PARTIAL_TO } from '../events/event.types';
import { FilterGroup, FilterNot, PartialDateFilter, SlugFilter, SlugListFilter } from '../graphql/filter-fields';
import { connectionOf, Node } from '../graphql/relay';

@ObjectType({ implements: [Event, Node], description: 'A meeting of two or more actors, e.g. Witkoff and Putin in St. Petersburg.' })
export class Meeting extends Event {
  @Field(() => Int, { nullable: true, description: 'Which meeting of these parties it was (3 for "their third meeting"), when known.' })
  ordinal: number | null;

  @Field(() => String, { nullable: true, description: 'Its stated purpose.' })
  purpose: string | null;

  @Field(() => [String], { description: 'Topics reported to be on the agenda.' })
  agenda: string[];
}

@ObjectType({ description: 'An actor another actor met, how often and when.' })
export class Counterpart {
  @Field(() => Actor, { description: 'The actor met.' })
  actor: Actor;

  @Field(() => Int, { description: 'How many meetings that took place both attended.' })
  meetingCount: number;

  @Field(() => [Meeting], { description: 'Those meetings, in date order (unknown dates last).' })
  meetings: Meeting[];

  @Field(() => PartialDateType, { nullable: true, description: 'Date of the latest of those meetings whose date is known.' })
  lastMetOn: PartialDateType | null;
}

@ObjectType({ description: 'Two actors who met, and the meetings (that took place) they both attended.' })
export class MeetingPair {
  @Field(() => [Actor], { description: 'The two actors.' })
  actors: Actor[];

  @Field(() => Int, { description: 'How many meetings they both attended.' })
  meetingCount: number;

  @Field(() => [Meeting], { description: 'Those meetings, in date order (unknown dates last).' })
  meetings: Meeting[];
}

export const MeetingConnection = connectionOf('Meeting', Meeting, 'meeting');

export const MeetingPairConnection = connectionOf('MeetingPair', MeetingPair, 'pair of actors who met');

@InputType({ description: 'Narrows a list of meetings. Fields given combine with AND; and / or / not group other filters.' })
export class MeetingFilter {
  @SlugListFilter('Meetings between these two actors (slugs): both took part.', 2)
  between?: string[] | null;

  @SlugFilter('This actor (slug) took part.')
  participant?: string | null;

  @SlugListFilter('At least one of these actors (slugs) took part.')
  participantsAny?: string[] | null;

  @Field(() => EventStatus, { nullable: true, description: 'Only meetings with this status (OCCURRED, POTENTIAL, ...).' })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus | null;

  @SlugFilter('At this place (slug).')
  place?: string | null;

  @PartialDateFilter(PARTIAL_FROM)
  from?: string | null;

  @PartialDateFilter(PARTIAL_TO)
  to?: string | null;

  @SlugFilter('Reported by this article (slug).')
  article?: string | null;

  @FilterGroup('and', () => MeetingFilter)
  and?: MeetingFilter[] | null;

  @FilterGroup('or', () => MeetingFilter)
  or?: MeetingFilter[] | null;

  @FilterNot(() => MeetingFilter)
  not?: MeetingFilter | null;
}
