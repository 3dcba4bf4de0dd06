import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Actor } from '../actors/actor.types';
import { checkIntRange } from '../common/errors';
import { toPartialDate, type PartialDate } from '../common/partial-date';
import { PartialDateType } from '../common/common.types';
import { EventFilter } from '../events/event.types';
import { ofKinds } from '../events/event.resolver';
import { loadAll, type Context } from '../graphql/context';
import { MeetingFilter } from '../meetings/meeting.types';
import { eventCounts, meetingPairStats, meetingsPerYear, type CountRow, type PairStatRow } from './stats.repository';
import { EventCount, EventCountGrouping, MeetingPairStat, MeetingStats } from './stats.types';

const MAX_PAIRS = 100;

@Resolver(() => MeetingStats)
export class StatsResolver {
  @Query(() => [EventCount], { description: 'Events counted per kind (most first) or per month (in date order).' })
  eventCounts(
    @Arg('by', () => EventCountGrouping) by: EventCountGrouping,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Only the events this filter keeps.' }) filter: EventFilter | null,
    @Ctx() { db }: Context,
  ): Promise<CountRow[]> {
    return eventCounts(db, by, filter);
  }

  @Query(() => MeetingStats, { description: 'Meetings that took place, counted per pair of actors and per year.' })
  async meetingStats(
    @Arg('filter', () => MeetingFilter, { nullable: true, description: 'Only the meetings this filter keeps.' }) filter: MeetingFilter | null,
    @Arg('firstPairs', () => Int, { defaultValue: 20, description: `How many pairs at most: 1-${MAX_PAIRS}.` }) firstPairs: number,
    @Ctx() { db }: Context,
  ): Promise<{ byPair: PairStatRow[]; byYear: { year: number | null; meetingCount: number }[] }> {
    checkIntRange('firstPairs', firstPairs, 1, MAX_PAIRS);
    const occurred = { ...ofKinds(['MEETING'], filter), status: 'OCCURRED' };
    const [byPair, byYear] = await Promise.all([meetingPairStats(db, occurred, firstPairs), meetingsPerYear(db, occurred)]);
    return { byPair, byYear: byYear.map((row) => ({ year: row.year, meetingCount: row.count })) };
  }
}

@Resolver(() => MeetingPairStat)
export class MeetingPairStatResolver {
  @FieldResolver(() => [Actor])
  actors(@Root() row: PairStatRow, @Ctx() { loaders }: Context): Promise<ActorRecord[]> {
    return loadAll(loaders.actor, [row.a_id, row.b_id]);
  }

  @FieldResolver(() => Int)
  meetingCount(@Root() row: PairStatRow): number {
    return row.meeting_count;
  }

  @FieldResolver(() => PartialDateType, { nullable: true })
  firstMetOn(@Root() row: PairStatRow): PartialDate | null {
    return toPartialDate(row.first_year, row.first_month, row.first_day);
  }

  @FieldResolver(() => PartialDateType, { nullable: true })
  lastMetOn(@Root() row: PairStatRow): PartialDate | null {
    return toPartialDate(row.last_year, row.last_month, row.last_day);
  }
}
