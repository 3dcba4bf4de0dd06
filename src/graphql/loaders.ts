import DataLoader from 'dataloader';
import type { Page, PageRequest } from '../common/pagination';
import {
  actorsByIds,
  actorsBySlugs,
  counterpartsByActors,
  membersByOrganizations,
  rolesByPersons,
  type ActorRecord,
  type RoleRecord,
} from '../actors/actor.repository';
import { articlesByIds, articlesBySlugs, evidenceOf, type ArticleRecord, type EvidenceOwner } from '../articles/article.repository';
import type { Queryable } from '../db/database';
import {
  eventsByIds,
  eventsByPlaces,
  eventsBySlugs,
  eventCountsOfActors,
  eventPagesOfActors,
  eventsOfActors,
  meetingsOfPairs,
  participationsByEvents,
  type EventKind,
  type EventRecord,
  type ParticipationRecord,
} from '../events/event.repository';
import { amountsByEvents, amountsIn } from '../money/money.repository';
import type { MoneyValue } from '../money/money.service';
import { placesByIds, placesBySlugs, type PlaceRecord } from '../places/place.repository';
import { stancesBy } from '../proposals/stance.repository';

type Keyed<T> = (db: Queryable, keys: readonly string[]) => Promise<T[]>;

/** One record per key, matched on keyOf; null where none exists. */
function byKey<T>(db: Queryable, load: Keyed<T>, keyOf: (record: T) => string): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const found = new Map((await load(db, keys)).map((record) => [keyOf(record), record]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** A list per key from a grouping batch function; empty where there is none. */
function listByKey<T>(load: (keys: readonly string[]) => Promise<Map<string, T[]>>): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const groups = await load(keys);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * The per-request batch loaders: every relation a resolver follows goes through one of these,
 * so a query costs one statement per relation and depth, whatever the number of rows.
 * Built fresh for each request; never shared between requests.
 */
export function createLoaders(db: Queryable) {
  const eventsOf = (kinds: EventKind[], roles: string[]) => listByKey((ids) => eventsOfActors(db, ids, kinds, roles));
  const evidence = (owner: EvidenceOwner) => listByKey((ids) => evidenceOf(db, owner, ids));
  const actor = byKey<ActorRecord>(db, actorsByIds, (a) => a.dbId);
  const actorBySlug = byKey<ActorRecord>(db, actorsBySlugs, (a) => a.slug);
  // Actors read along with a relation (a participation's, a role's) are handed to the actor loaders.
  const primeActor = (record: ActorRecord | null) => {
    if (!record) return;
    actor.prime(record.dbId, record);
    actorBySlug.prime(record.slug, record);
  };
  const primeParticipantActors = (groups: Map<string, ParticipationRecord[]>) => {
    for (const list of groups.values()) for (const participation of list) primeActor(participation.actor);
    return groups;
  };
  const primeRoleActors = (groups: Map<string, RoleRecord[]>) => {
    for (const list of groups.values()) for (const role of list) primeActor(role.of);
    return groups;
  };
  const participations = listByKey(async (ids) => primeParticipantActors(await participationsByEvents(db, ids)));
  const roles = listByKey(async (ids) => primeRoleActors(await rolesByPersons(db, ids)));
  return {
    actor,
    actorBySlug,
    event: byKey<EventRecord>(db, eventsByIds, (e) => e.dbId),
    eventBySlug: byKey<EventRecord>(db, eventsBySlugs, (e) => e.slug),
    place: byKey<PlaceRecord>(db, placesByIds, (p) => p.dbId),
    placeBySlug: byKey<PlaceRecord>(db, placesBySlugs, (p) => p.slug),
    article: byKey<ArticleRecord>(db, articlesByIds, (a) => a.dbId),
    articleBySlug: byKey<ArticleRecord>(db, articlesBySlugs, (a) => a.slug),

    evidence: {
      actor: evidence('actor'),
      place: evidence('place'),
      role: evidence('role'),
      membership: evidence('membership'),
      event: evidence('event'),
      amount: evidence('amount'),
      stance: evidence('stance'),
    } satisfies Record<EvidenceOwner, DataLoader<string, unknown[]>>,

    participations,
    /**
     * Keys "actorId|ahead|request": one page of an actor's meetings; one statement per distinct
     * page request. `ahead` says what the query asks for below the page ("-" nothing of this): P,
     * each meeting's participants with their actors; PR, also the participants' roles. They come
     * in the same statement and are handed to the participations, roles and actor loaders.
     */
    meetingPageOfActor: new DataLoader<string, Page<EventRecord>>(async (keys) => {
      const groups = new Map<string, string[]>();
      for (const key of keys) {
        const [actorId, ...rest] = key.split('|');
        const request = rest.join('|');
        groups.set(request, [...(groups.get(request) ?? []), actorId]);
      }
      const pages = new Map<string, Page<EventRecord>>();
      await Promise.all(
        [...groups.entries()].map(async ([request, actorIds]) => {
          const ahead = request.slice(0, request.indexOf('|'));
          const found = await eventPagesOfActors(db, actorIds, 'MEETING', JSON.parse(request.slice(ahead.length + 1)) as PageRequest, {
            withParticipants: ahead.includes('P'),
            withRoles: ahead.includes('R'),
          });
          for (const [actorId, page] of found.pages) pages.set(`${actorId}|${request}`, page);
          for (const [eventId, list] of primeParticipantActors(found.participants)) participations.prime(eventId, list);
          for (const [personId, list] of primeRoleActors(found.roles)) roles.prime(personId, list);
        }),
      );
      return keys.map((key) => pages.get(key) as Page<EventRecord>);
    }),
    meetingCountOfActor: new DataLoader<string, number>(async (ids) => {
      const counts = await eventCountsOfActors(db, ids, 'MEETING');
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    pledgesMadeBy: eventsOf(['PLEDGE'], ['donor']),
    pledgesReceivedBy: eventsOf(['PLEDGE'], ['recipient']),
    statementsBy: eventsOf(['STATEMENT'], ['speaker']),
    eventsAtPlace: listByKey((ids) => eventsByPlaces(db, ids)),
    counterparts: listByKey((ids) => counterpartsByActors(db, ids)),
    /** Keyed `smallerActorId|largerActorId`. */
    pairMeetings: listByKey((keys) => meetingsOfPairs(db, keys)),
    roles,
    members: listByKey((ids) => membersByOrganizations(db, ids)),
    stancesOfActor: listByKey((ids) => stancesBy(db, 'actor', ids)),
    stancesOnProposal: listByKey((ids) => stancesBy(db, 'proposal', ids)),
    amounts: listByKey((ids) => amountsByEvents(db, ids)),
    /** Keys "eventId|CUR". */
    amountIn: new DataLoader<string, MoneyValue | null>(async (keys) => {
      const found = await amountsIn(db, keys);
      return keys.map((key) => found.get(key) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Hands a record fetched some other way (a search hit, a graph node) to the loaders, so fields that follow load nothing again. */
export function primeNode(loaders: Loaders, record: ActorRecord | EventRecord | PlaceRecord | ArticleRecord): void {
  switch (record.entity) {
    case 'actor':
      loaders.actor.prime(record.dbId, record);
      loaders.actorBySlug.prime(record.slug, record);
      break;
    case 'event':
      loaders.event.prime(record.dbId, record);
      loaders.eventBySlug.prime(record.slug, record);
      break;
    case 'place':
      loaders.place.prime(record.dbId, record);
      loaders.placeBySlug.prime(record.slug, record);
      break;
    case 'article':
      loaders.article.prime(record.dbId, record);
      loaders.articleBySlug.prime(record.slug, record);
      break;
  }
}
