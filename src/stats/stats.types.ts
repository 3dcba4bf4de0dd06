import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { PartialDateType } from '../common/common.types';

export enum EventCountGrouping {
  KIND = 'KIND',
  MONTH = 'MONTH',
}
registerEnumType(EventCountGrouping, {
  name: 'EventCountGrouping',
  description: 'KIND: per event kind. MONTH: per "YYYY-MM" of the date ("YYYY" for year-only dates, "unknown" for undated).',
});

@ObjectType({ description: 'How many events fall in one group.' })
export class EventCount {
  @Field({ description: 'The group: an event kind, or a month "YYYY-MM" ("YYYY" for year-only dates, "unknown").' })
  key: string;

  @Field(() => Int, { description: 'How many events.' })
  count: number;
}

@ObjectType({ description: 'Meetings of one pair of actors.' })
export class MeetingPairStat {
  @Field(() => [Actor], { description: 'The two actors.' })
  actors: Actor[];

  @Field(() => Int, { description: 'How many meetings that took place both attended.' })
  meetingCount: number;

  @Field(() => PartialDateType, { nullable: true, description: 'Date of their first dated meeting.' })
  firstMetOn: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true, description: 'Date of their last dated meeting.' })
  lastMetOn: PartialDateType | null;
}

@ObjectType({ description: 'Meetings in one year.' })
export class MeetingYearStat {
  @Field(() => Int, { nullable: true, description: 'The year; null for undated meetings.' })
  year: number | null;

  @Field(() => Int, { description: 'How many meetings that took place.' })
  meetingCount: number;
}

@ObjectType({ description: 'Meeting statistics: per pair of actors and per year.' })
export class MeetingStats {
  @Field(() => [MeetingPairStat], { description: 'Pairs who met, most meetings first.' })
  byPair: MeetingPairStat[];

  @Field(() => [MeetingYearStat], { description: 'Meetings per year, in year order, undated last.' })
  byYear: MeetingYearStat[];
}
