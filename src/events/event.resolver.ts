import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Actor } from '../actors/actor.types';
import type { EvidenceRecord } from '../articles/article.repository';
import { Evidence } from '../articles/article.types';
import { pageRequest, toPage } from '../common/pagination';
import type { Context } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import { ConnectionValue } from '../graphql/relay';
import type { PlaceRecord } from '../places/place.repository';
import { Place } from '../places/place.types';
import { countEvents, eventSortKey, listEvents, type EventFilterParams, type EventRecord, type ParticipationRecord } from './event.repository';
import { Event, EventConnection, EventFilter, Participation } from './event.types';

/** Serves a chronological, keyset-paged list of events with the given filter. */
export async function eventConnection(ctx: Context, filter: EventFilterParams, args: PageArgs): Promise<ConnectionValue<EventRecord>> {
  const request = pageRequest(args.first, args.after, 2);
  const rows = await listEvents(ctx.db, filter, request);
  return new ConnectionValue(toPage(rows, request, eventSortKey), () => countEvents(ctx.db, filter));
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: 'An event by slug, e.g. "witkoff-putin-third-meeting".' })
  event(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context): Promise<EventRecord | null> {
    return loaders.eventBySlug.load(slug);
  }

  @Query(() => EventConnection, { description: 'Events of every kind in date order (unknown dates last).' })
  events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<EventRecord>> {
    return eventConnection(
      ctx,
      {
        kinds: filter?.kinds ?? null,
        status: filter?.status ?? null,
        participants: filter?.participant ? [{ actor: filter.participant }] : [],
        place: filter?.place ?? null,
      },
      page,
    );
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
