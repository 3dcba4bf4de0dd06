import { ACTOR_FIELDS, DATE_FIELDS, EVIDENCE_FIELDS, MONEY_FIELDS } from './types';

/**
 * Every operation the explorer sends, in one place: test/web-client.test.ts validates each against
 * the schema, so a change to the public contract that breaks the explorer fails there.
 */

export const ACTOR_PAGE = `query ActorPage($slug: String!, $currency: String!) {
  actor(slug: $slug) {
    __typename ${ACTOR_FIELDS} aliases evidence { ${EVIDENCE_FIELDS} }
    ... on Person { roles { title of { ${ACTOR_FIELDS} } since { ${DATE_FIELDS} } until { ${DATE_FIELDS} } evidence { ${EVIDENCE_FIELDS} } } }
    ... on Country { isoCode }
    ... on Organization { orgType members { ${ACTOR_FIELDS} } }
    counterparts {
      actor { ${ACTOR_FIELDS} } meetingCount lastMetOn { ${DATE_FIELDS} }
      meetings { slug title ordinal status date { ${DATE_FIELDS} } place { slug name } purpose evidence { ${EVIDENCE_FIELDS} } }
    }
    pledgesMade { ...PledgeRow }
    pledgesReceived { ...PledgeRow }
    statements { slug title quote mode date { ${DATE_FIELDS} } evidence { ${EVIDENCE_FIELDS} } }
    stances { position conditions proposal { slug title } evidence { ${EVIDENCE_FIELDS} } }
  }
  made: pledgeTotals(groupBy: DONOR, currency: $currency) { group pledgeCount total { ${MONEY_FIELDS} } }
  received: pledgeTotals(groupBy: RECIPIENT, currency: $currency) { group pledgeCount total { ${MONEY_FIELDS} } }
  events(filter: { participant: $slug }, first: 100) {
    totalCount
    edges { node { slug title kind status date { ${DATE_FIELDS} } place { name } participants { role actor { slug } } } }
  }
}
fragment PledgeRow on Pledge {
  slug title date { ${DATE_FIELDS} } donors { ${ACTOR_FIELDS} } recipient { ${ACTOR_FIELDS} } purposes
  amount { ${MONEY_FIELDS} } converted: amountIn(currency: $currency) { ${MONEY_FIELDS} }
  evidence { ${EVIDENCE_FIELDS} }
}`;

export const EVENT_PAGE = `query EventPage($slug: String!, $currency: String!) {
  event(slug: $slug) {
    __typename slug title kind status date { ${DATE_FIELDS} } place { slug name }
    participants { role actor { ${ACTOR_FIELDS} } }
    evidence { ${EVIDENCE_FIELDS} }
    ... on Meeting { ordinal purpose agenda }
    ... on Pledge {
      amount { ${MONEY_FIELDS} }
      converted: amountIn(currency: $currency) { ${MONEY_FIELDS} rate { value asOf source from to } }
      reportedAmounts { ${MONEY_FIELDS} }
      amountEvidence { ${EVIDENCE_FIELDS} }
      donors { ${ACTOR_FIELDS} } recipient { ${ACTOR_FIELDS} } purposes announcedBy { ${ACTOR_FIELDS} }
    }
    ... on Statement { quote mode speaker { ${ACTOR_FIELDS} } about { ${ACTOR_FIELDS} } }
    ... on Proposal { summary proposedBy { ${ACTOR_FIELDS} } stances { position conditions actor { ${ACTOR_FIELDS} } evidence { ${EVIDENCE_FIELDS} } } }
    ... on Action { category }
  }
}`;

export const PLACE_PAGE = `query PlacePage($slug: String!) {
  place(slug: $slug) {
    slug name country { ${ACTOR_FIELDS} } evidence { ${EVIDENCE_FIELDS} }
    events { slug title kind date { ${DATE_FIELDS} } }
  }
}`;

export const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 12) {
    score snippet
    node { __typename ... on Actor { slug name } ... on Event { slug title } ... on Place { slug name } ... on Article { slug title } }
  }
}`;

const EVENT_FIELDS = `
  __typename slug title kind status date { ${DATE_FIELDS} }
  participants { role actor { ${ACTOR_FIELDS} } }
  ... on Pledge { donors { ${ACTOR_FIELDS} } recipient { ${ACTOR_FIELDS} } amount { ${MONEY_FIELDS} } converted: amountIn(currency: $currency) { ${MONEY_FIELDS} } }
  ... on Proposal { proposedBy { ${ACTOR_FIELDS} } stances { position actor { ${ACTOR_FIELDS} } } }
  ... on Statement { speaker { ${ACTOR_FIELDS} } about { ${ACTOR_FIELDS} } }`;

/** The first events (date order) of every kind: the network's starting picture. */
export const OVERVIEW = `query NetworkOverview($currency: String!, $first: Int!) {
  events(first: $first) { totalCount edges { node { ${EVENT_FIELDS} } } }
}`;

/** One actor's events and stances: what clicking it adds to the picture. */
export const NEIGHBOURHOOD = `query NetworkNeighbourhood($slug: String!, $currency: String!, $first: Int!) {
  actor(slug: $slug) {
    ${ACTOR_FIELDS}
    stances { position proposal { slug title date { ${DATE_FIELDS} } proposedBy { ${ACTOR_FIELDS} } } }
  }
  events(filter: { participant: $slug }, first: $first) { totalCount edges { node { ${EVENT_FIELDS} } } }
}`;

export const ARTICLE_PAGE = `query ArticlePage($slug: String!) { article(slug: $slug) { slug title url publishedOn { ${DATE_FIELDS} } text } }`;

/** An article's text alone, for evidence spans. */
export const ARTICLE_TEXT = `query ArticleText($slug: String!) { article(slug: $slug) { text } }`;

