import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Country } from '../actors/actor.types';
import type { EvidenceRecord } from '../articles/article.repository';
import { Evidence } from '../articles/article.types';
import type { EventRecord } from '../events/event.repository';
import { Event } from '../events/event.types';
import type { Context } from '../graphql/context';
import type { PlaceRecord } from './place.repository';
import { Place } from './place.types';

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => Place, { nullable: true, description: 'A place by slug, e.g. "brussels".' })
  place(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context): Promise<PlaceRecord | null> {
    return loaders.placeBySlug.load(slug);
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() place: PlaceRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> | null {
    return place.countryId ? loaders.actor.load(place.countryId) : null;
  }

  @FieldResolver(() => [Event], { description: 'Events at this place, in date order (unknown dates last).' })
  events(@Root() place: PlaceRecord, @Ctx() { loaders }: Context): Promise<EventRecord[]> {
    return loaders.eventsAtPlace.load(place.dbId);
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() place: PlaceRecord, @Ctx() { loaders }: Context): Promise<EvidenceRecord[]> {
    return loaders.evidence.place.load(place.dbId);
  }
}
