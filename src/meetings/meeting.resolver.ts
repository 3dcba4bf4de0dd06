import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord, CounterpartRecord } from '../actors/actor.repository';
import { Actor } from '../actors/actor.types';
import { pageRequest } from '../common/pagination';
import type { PartialDate } from '../common/partial-date';
import { PartialDateType } from '../common/common.types';
import { eventConnection, ofKinds, orderOf } from '../events/event.resolver';
import { EventOrder } from '../events/event.types';
import { countMeetingPairs, listMeetingPairs, type EventRecord, type MeetingPairRecord } from '../events/event.repository';
import { loadAll, type Context } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import { ConnectionValue } from '../graphql/relay';
import { Counterpart, Meeting, MeetingConnection, MeetingFilter, MeetingPair, MeetingPairConnection } from './meeting.types';

/** Meetings in date order, unknown dates last (ids break ties). */
async function meetingsByIds(ctx: Context, ids: string[]): Promise<EventRecord[]> {
  const meetings = await loadAll(ctx.loaders.event, ids);
  return meetings.sort((a, b) => a.sortDate - b.sortDate || Number(a.dbId) - Number(b.dbId));
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { description: 'Meetings, in date order (unknown dates last) unless orderBy says otherwise.' })
  meetings(
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Arg('orderBy', () => EventOrder, { nullable: true, description: 'Default: DATE ascending.' }) orderBy: EventOrder | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<EventRecord>> {
    return eventConnection(ctx, ofKinds(['MEETING'], filter), page, orderOf(orderBy));
  }

  @Query(() => MeetingPairConnection, {
    description:
      'Pairs of actors who met, derived from the participants of meetings that took place (not planned or potential ones); most meetings first.',
  })
  async whoMetWhom(
    @Arg('actor', () => String, { nullable: true, description: 'Only pairs that include this actor (slug).' }) actor: string | null,
    @Args() { first, after }: PageArgs,
    @Ctx() { db }: Context,
  ): Promise<ConnectionValue<MeetingPairRecord>> {
    const rows = await listMeetingPairs(db, actor ?? null, pageRequest(first, after, 3));
    return new ConnectionValue(rows, () => countMeetingPairs(db, actor ?? null));
  }
}

@Resolver(() => MeetingPair)
export class MeetingPairResolver {
  @FieldResolver(() => [Actor])
  actors(@Root() pair: MeetingPairRecord, @Ctx() { loaders }: Context): Promise<ActorRecord[]> {
    return loadAll(loaders.actor, pair.actorIds);
  }

  @FieldResolver(() => [Meeting])
  async meetings(@Root() pair: MeetingPairRecord, @Ctx() ctx: Context): Promise<EventRecord[]> {
    return meetingsByIds(ctx, await ctx.loaders.pairMeetings.load(pair.actorIds.join('|')));
  }
}

@Resolver(() => Counterpart)
export class CounterpartResolver {
  @FieldResolver(() => Actor)
  actor(@Root() counterpart: CounterpartRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    return loaders.actor.load(counterpart.counterpartId);
  }

  @FieldResolver(() => Int)
  meetingCount(@Root() counterpart: CounterpartRecord): number {
    return counterpart.meetingIds.length;
  }

  @FieldResolver(() => [Meeting])
  meetings(@Root() counterpart: CounterpartRecord, @Ctx() ctx: Context): Promise<EventRecord[]> {
    return meetingsByIds(ctx, counterpart.meetingIds);
  }

  @FieldResolver(() => PartialDateType, { nullable: true })
  async lastMetOn(@Root() counterpart: CounterpartRecord, @Ctx() ctx: Context): Promise<PartialDate | null> {
    const dated = (await meetingsByIds(ctx, counterpart.meetingIds)).filter((m) => m.date);
    return dated.length ? dated[dated.length - 1].date : null;
  }
}
