/** Shapes of the answers the explorer's queries select (a subset of schema/schema.graphql). */

export type ActorKind = 'PERSON' | 'COUNTRY' | 'ORGANIZATION';
export type EventKind = 'MEETING' | 'GATHERING' | 'PLEDGE' | 'STATEMENT' | 'PROPOSAL' | 'ACTION';

export interface PartialDate {
  iso: string;
  year: number;
  month: number | null;
  day: number | null;
}

export interface ActorRef {
  slug: string;
  name: string;
  kind: ActorKind;
}

export interface Evidence {
  start: number;
  end: number;
  quote: string;
  article: { slug: string; title: string };
}

export interface Money {
  amount: string;
  currency: string;
  qualifier: 'EXACT' | 'AT_LEAST' | 'AT_MOST' | 'ABOUT';
  source: 'REPORTED' | 'CONVERTED';
  rate?: { value: string; asOf: string; source: string; from: string; to: string } | null;
}

export interface Participation {
  role: string | null;
  actor: ActorRef;
}

export const DATE_FIELDS = 'iso year month day';
export const ACTOR_FIELDS = 'slug name kind';
export const EVIDENCE_FIELDS = 'start end quote article { slug title }';
export const MONEY_FIELDS = 'amount currency qualifier source';
