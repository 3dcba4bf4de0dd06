import DataLoader from 'dataloader';
import {
  actorsByIds,
  actorsBySlugs,
  counterpartsByActors,
  membersByOrganizations,
  rolesByPersons,
  type ActorRecord,
} from '../actors/actor.repository';
import { articlesByIds, articlesBySlugs, evidenceOf, type ArticleRecord, type EvidenceOwner } from '../articles/article.repository';
import type { Queryable } from '../db/database';
import {
  eventsByIds,
  eventsByPlaces,
  eventsBySlugs,
  eventsOfActors,
  participationsByEvents,
  type EventKind,
  type EventRecord,
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
  return {
    actor: byKey<ActorRecord>(db, actorsByIds, (a) => a.dbId),
    actorBySlug: byKey<ActorRecord>(db, actorsBySlugs, (a) => a.slug),
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

    participations: listByKey((ids) => participationsByEvents(db, ids)),
    meetingsOfActor: eventsOf(['MEETING'], []),
    pledgesMadeBy: eventsOf(['PLEDGE'], ['donor']),
    pledgesReceivedBy: eventsOf(['PLEDGE'], ['recipient']),
    statementsBy: eventsOf(['STATEMENT'], ['speaker']),
    eventsAtPlace: listByKey((ids) => eventsByPlaces(db, ids)),
    counterparts: listByKey((ids) => counterpartsByActors(db, ids)),
    roles: listByKey((ids) => rolesByPersons(db, ids)),
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
