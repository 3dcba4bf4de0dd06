import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Actor } from '../actors/actor.types';
import type { EvidenceRecord } from '../articles/article.repository';
import { Evidence } from '../articles/article.types';
import { pageRequest } from '../common/pagination';
import type { Context } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import { ConnectionValue } from '../graphql/relay';
import type { PlaceRecord } from '../places/place.repository';
import { Place } from '../places/place.types';
import { countEvents, listEvents, timelineOfActor, type EventFilterParams, type EventOrder, type EventRecord, type ParticipationRecord } from './event.repository';
import { Event, EventConnection, EventFilter, EventOrder as EventOrderInput, Participation } from './event.types';
import { badArgument } from '../common/errors';
import { parsePartialDate } from '../common/partial-date';

/** Serves a keyset-paged list of events: date order unless the order says otherwise. */
export async function eventConnection(
  ctx: Context,
  filter: EventFilterParams,
  args: PageArgs,
  order: EventOrder = { field: 'DATE', direction: 'ASC' },
): Promise<ConnectionValue<EventRecord>> {
  const page = await listEvents(ctx.db, filter, order, pageRequest(args.first, args.after, 2));
  return new ConnectionValue(page, () => countEvents(ctx.db, filter));
}

/** A filter of one list, narrowed to the kinds of event the list serves. */
export function orderOf(order: { field: string; direction: string; currency?: string | null } | null): EventOrder {
  return order ? { field: order.field as EventOrder['field'], direction: order.direction as EventOrder['direction'], currency: order.currency } : { field: 'DATE', direction: 'ASC' };
}

export function ofKinds(kinds: string[], filter: EventFilterParams | null): EventFilterParams {
  return { kinds, and: filter ? [filter] : null };
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: 'An event by slug, e.g. "witkoff-putin-third-meeting".' })
  event(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context): Promise<EventRecord | null> {
    return loaders.eventBySlug.load(slug);
  }

  @Query(() => EventConnection, { description: 'Events of every kind, in date order (unknown dates last) unless orderBy says otherwise.' })
  events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | null,
    @Arg('orderBy', () => EventOrderInput, { nullable: true, description: 'Default: DATE ascending.' }) orderBy: EventOrderInput | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<EventRecord>> {
    return eventConnection(ctx, filter ?? {}, page, orderOf(orderBy));
  }

  @Query(() => EventConnection, {
    description:
      "An actor's events of every kind in date order: a partial date sorts after the fuller dates inside it (2025 after 2025-04-11), undated events last. from/to keep events whose date may fall in the range.",
  })
  async timeline(
    @Arg('actor', () => String, { description: 'The actor (slug).' }) actor: string,
    @Arg('from', () => String, { nullable: true, description: 'From this partial date on.' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Up to this partial date.' }) to: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<EventRecord>> {
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      const parsed = value === null || value === undefined ? null : parsePartialDate(value);
      if (typeof parsed === 'string') throw badArgument(name, parsed);
    }
    const events = await timelineOfActor(ctx.db, actor, { from, to }, pageRequest(page.first, page.after, 2));
    return new ConnectionValue(events, () => countEvents(ctx.db, { participant: actor, from, to }));
  }

  @FieldResolver(() => Place, { nullable: true })
  place(@Root() event: EventRecord, @Ctx() { loaders }: Context): Promise<PlaceRecord | null> | null {
    return event.placeId ? loaders.place.load(event.placeId) : null;
  }

  @FieldResolver(() => [Participation])
  participants(@Root() event: EventRecord, @Ctx() { loaders }: Context): Promise<ParticipationRecord[]> {
    return loaders.participations.load(event.dbId);
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() event: EventRecord, @Ctx() { loaders }: Context): Promise<EvidenceRecord[]> {
    return loaders.evidence.event.load(event.dbId);
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Actor)
  actor(@Root() participation: ParticipationRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    return loaders.actor.load(participation.actorId);
  }
}
