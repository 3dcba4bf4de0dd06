import { IsOptional, Matches } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { PartialDateType } from '../common/common.types';
import { Event, SLUG_RULE, SLUG_RULE_MESSAGE } from '../events/event.types';
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

@InputType({ description: 'Narrows a list of meetings; every field given must hold.' })
export class MeetingFilter {
  @Field(() => String, { nullable: true, description: 'Only meetings this actor (slug) took part in.' })
  @IsOptional()
  @Matches(SLUG_RULE, { message: SLUG_RULE_MESSAGE })
  participant?: string | null;
}
