/**
 * The rows a generated graph consists of, in the shape of the tables they load into (ids included:
 * the generator assigns them, so child rows reference parents without a round trip).
 */

export type EvidenceOwner = 'actor_id' | 'place_id' | 'role_id' | 'membership_id' | 'event_id' | 'amount_id' | 'stance_id';

export interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  publishedYear: number;
  publishedMonth: number;
  publishedDay: number;
  url: string;
  text: string;
  contentHash: string;
}

export interface ActorRow {
  id: number;
  slug: string;
  kind: 'PERSON' | 'COUNTRY' | 'ORGANIZATION';
  name: string;
  aliases: string[];
  isoCode: string | null;
  orgType: string | null;
}

export interface MembershipRow {
  id: number;
  organizationId: number;
  memberId: number;
}

export interface PlaceRow {
  id: number;
  slug: string;
  name: string;
  countryId: number;
}

/** A partial date as three nullable columns: year, month, day. */
export type DateColumns = [year: number | null, month: number | null, day: number | null];

export interface RoleRow {
  id: number;
  personId: number;
  title: string;
  ofActorId: number;
  since: DateColumns;
  until: DateColumns;
}

export type EventKind = 'MEETING' | 'GATHERING' | 'PLEDGE' | 'STATEMENT' | 'PROPOSAL' | 'ACTION';
export type EventStatus = 'OCCURRED' | 'ONGOING' | 'PLANNED' | 'POTENTIAL';

export interface EventRow {
  id: number;
  slug: string;
  kind: EventKind;
  title: string;
  status: EventStatus;
  date: DateColumns;
  placeId: number | null;
  ordinal: number | null;
  purpose: string | null;
  agenda: string[];
  purposes: string[];
  quote: string | null;
  statementMode: 'DIRECT' | 'INDIRECT' | null;
  summary: string | null;
  category: string | null;
}

export interface ParticipationRow {
  id: number;
  eventId: number;
  actorId: number;
  role: string;
  position: number;
}

export interface AmountRow {
  id: number;
  eventId: number;
  /** Decimal string, never a float. */
  amount: string;
  currency: string;
  qualifier: 'EXACT' | 'AT_LEAST' | 'AT_MOST' | 'ABOUT';
  isPrimary: boolean;
}

export type StancePosition = 'ACCEPTED' | 'REJECTED' | 'NOT_ACCEPTED' | 'CONDITIONAL' | 'UNDECIDED';

export interface StanceRow {
  id: number;
  actorId: number;
  proposalId: number;
  position: StancePosition;
  conditions: string[];
}

/** A span [start, end) of an article (JavaScript string indices) supporting exactly one fact. */
export interface EvidenceRow {
  id: number;
  articleId: number;
  start: number;
  end: number;
  quote: string;
  owner: EvidenceOwner;
  ownerId: number;
}

export interface ExchangeRateRow {
  id: number;
  base: string;
  quote: string;
  /** Decimal string. */
  rate: string;
  /** YYYY-MM-DD. */
  asOf: string;
  source: string;
}

/** A part of a generated graph; the loader writes its tables in this (foreign key) order. */
export interface GraphChunk {
  exchangeRates: ExchangeRateRow[];
  articles: ArticleRow[];
  actors: ActorRow[];
  memberships: MembershipRow[];
  places: PlaceRow[];
  roles: RoleRow[];
  events: EventRow[];
  participations: ParticipationRow[];
  amounts: AmountRow[];
  stances: StanceRow[];
  evidence: EvidenceRow[];
}

export type GraphTable = keyof GraphChunk;

export const GRAPH_TABLES: readonly GraphTable[] = [
  'exchangeRates',
  'articles',
  'actors',
  'memberships',
  'places',
  'roles',
  'events',
  'participations',
  'amounts',
  'stances',
  'evidence',
];

export function emptyChunk(): GraphChunk {
  return {
    exchangeRates: [],
    articles: [],
    actors: [],
    memberships: [],
    places: [],
    roles: [],
    events: [],
    participations: [],
    amounts: [],
    stances: [],
    evidence: [],
  };
}

export type TableCounts = Record<GraphTable, number>;

export function countRows(chunk: GraphChunk): TableCounts {
  const out = {} as TableCounts;
  for (const table of GRAPH_TABLES) out[table] = chunk[table].length;
  return out;
}
