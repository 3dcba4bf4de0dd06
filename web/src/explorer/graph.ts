import { dateRange, formatMoney } from './format';
import type { ActorRef, EventKind, Money, PartialDate, Participation } from './types';

/** The kinds of link the network draws; each can be switched off. */
export type LinkKind = 'MEETING' | 'GATHERING' | 'PLEDGE' | 'STANCE' | 'STATEMENT' | 'ACTION';
export const LINK_KINDS: Array<{ kind: LinkKind; label: string; color: string }> = [
  { kind: 'MEETING', label: 'Meetings', color: '#1f6feb' },
  { kind: 'PLEDGE', label: 'Pledges', color: '#1a7f37' },
  { kind: 'STANCE', label: 'Proposals and stances', color: '#bc4c00' },
  { kind: 'GATHERING', label: 'Gatherings', color: '#0e7c86' },
  { kind: 'STATEMENT', label: 'Statements about', color: '#6e7781' },
  { kind: 'ACTION', label: 'Actions', color: '#cf222e' },
];

export interface GraphNode {
  id: string;
  label: string;
  /** PERSON, COUNTRY, ORGANIZATION, or PROPOSAL for a proposal that actors take stances on. */
  kind: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: LinkKind;
  label: string;
  event: { slug: string; title: string };
  date: PartialDate | null;
  /** Line width: 2 for most links; pledges from 2 to 14 by amount (log scale). */
  width: number;
}

export interface Graph {
  nodes: Record<string, GraphNode>;
  edges: Record<string, GraphEdge>;
}

export const emptyGraph: Graph = { nodes: {}, edges: {} };

export interface EventNode {
  __typename: string;
  slug: string;
  title: string;
  kind: EventKind;
  date: PartialDate | null;
  participants: Participation[];
  donors?: ActorRef[];
  recipient?: ActorRef;
  amount?: Money;
  converted?: Money | null;
  proposedBy?: ActorRef;
  stances?: Array<{ position: string; actor: ActorRef }>;
  speaker?: ActorRef;
  about?: ActorRef[];
}

export interface NeighbourhoodData {
  actor: (ActorRef & { stances: Array<{ position: string; proposal: { slug: string; title: string; date: PartialDate | null; proposedBy: ActorRef } }> }) | null;
  events: { totalCount: number; edges: Array<{ node: EventNode }> };
}

const actorNode = (actor: ActorRef): GraphNode => ({ id: actor.slug, label: actor.name, kind: actor.kind });
const proposalId = (slug: string) => `proposal:${slug}`;

/** Width for a pledge: the amount (in the chosen currency where a rate allows) on a log scale. */
export function pledgeWidth(money: Money | null | undefined): number {
  if (!money) return 2;
  const digits = money.amount.replace(/^-/, '').split('.')[0]!.replace(/^0+/, '').length;
  return Math.max(2, Math.min(14, 2 + (digits - 6) * 2));
}

/** Adds the events (and stances) of an answer to the graph; ids make repeated answers idempotent. */
export function mergeEvents(graph: Graph, events: EventNode[], stances: NeighbourhoodData['actor'] = null): Graph {
  const nodes = { ...graph.nodes };
  const edges = { ...graph.edges };
  const link = (source: ActorRef | GraphNode, target: ActorRef | GraphNode, kind: LinkKind, event: { slug: string; title: string; date: PartialDate | null }, label: string, width = 2, directed = false) => {
    const from = 'slug' in source ? source.slug : source.id;
    const to = 'slug' in target ? target.slug : target.id;
    if (from === to) return;
    const [a, b] = directed || from < to ? [from, to] : [to, from];
    const id = `${event.slug}|${kind}|${a}|${b}`;
    edges[id] = { id, source: a, target: b, kind, label, event: { slug: event.slug, title: event.title }, date: event.date, width };
  };
  for (const event of events) {
    for (const participant of event.participants) nodes[participant.actor.slug] = actorNode(participant.actor);
    switch (event.kind) {
      case 'PLEDGE': {
        const money = event.converted ?? event.amount;
        for (const donor of event.donors ?? []) {
          nodes[donor.slug] = actorNode(donor);
          if (event.recipient) {
            nodes[event.recipient.slug] = actorNode(event.recipient);
            link(donor, event.recipient, 'PLEDGE', event, money ? formatMoney(money) : 'pledge', pledgeWidth(money), true);
          }
        }
        break;
      }
      case 'PROPOSAL': {
        const proposal: GraphNode = { id: proposalId(event.slug), label: event.title, kind: 'PROPOSAL' };
        nodes[proposal.id] = proposal;
        if (event.proposedBy) {
          nodes[event.proposedBy.slug] = actorNode(event.proposedBy);
          link(event.proposedBy, proposal, 'STANCE', event, 'proposed', 2, true);
        }
        for (const stance of event.stances ?? []) {
          nodes[stance.actor.slug] = actorNode(stance.actor);
          link(stance.actor, proposal, 'STANCE', event, stance.position.toLowerCase().replace('_', ' '), 2, true);
        }
        break;
      }
      case 'STATEMENT': {
        const speaker = event.speaker ?? event.participants.find((p) => p.role === 'speaker')?.actor;
        const about = event.about ?? event.participants.filter((p) => p.role !== 'speaker').map((p) => p.actor);
        for (const subject of about) {
          nodes[subject.slug] = actorNode(subject);
          if (speaker) link(speaker, subject, 'STATEMENT', event, 'said about', 1, true);
        }
        break;
      }
      default: {
        // Meetings, gatherings and actions link their participants pairwise; a crowd links to its first.
        const actors = event.participants.map((p) => p.actor);
        const kind = event.kind === 'MEETING' || event.kind === 'GATHERING' || event.kind === 'ACTION' ? event.kind : 'ACTION';
        const label = event.kind === 'ACTION' ? event.participants.map((p) => p.role).filter(Boolean).join(' → ') : event.kind.toLowerCase();
        for (let i = 0; i < actors.length; i++) {
          for (let j = i + 1; j < actors.length; j++) {
            if (actors.length <= 6 || i === 0) link(actors[i]!, actors[j]!, kind, event, label, 2, event.kind === 'ACTION');
          }
        }
      }
    }
  }
  if (stances) {
    nodes[stances.slug] = actorNode(stances);
    for (const stance of stances.stances) {
      const proposal: GraphNode = { id: proposalId(stance.proposal.slug), label: stance.proposal.title, kind: 'PROPOSAL' };
      nodes[proposal.id] = proposal;
      nodes[stance.proposal.proposedBy.slug] = actorNode(stance.proposal.proposedBy);
      link(stances, proposal, 'STANCE', stance.proposal, stance.position.toLowerCase().replace('_', ' '), 2, true);
      link(stance.proposal.proposedBy, proposal, 'STANCE', stance.proposal, 'proposed', 2, true);
    }
  }
  return { nodes, edges };
}

export interface LinkFilter {
  kinds: Set<LinkKind>;
  /** yyyy-mm-dd or '' */
  from: string;
  to: string;
  undated: boolean;
}

const day = (value: string) => (value ? Number(value.replace(/-/g, '')) : null);

/** The links that pass the filter, and the nodes they touch (plus those always shown). */
export function visible(graph: Graph, filter: LinkFilter, always: Iterable<string>): Graph {
  const from = day(filter.from);
  const to = day(filter.to);
  const edges: Graph['edges'] = {};
  const keep = new Set<string>([...always].filter((id) => graph.nodes[id]));
  for (const edge of Object.values(graph.edges)) {
    if (!filter.kinds.has(edge.kind)) continue;
    const range = dateRange(edge.date);
    if (!range ? !filter.undated : (from !== null && range[1] < from) || (to !== null && range[0] > to)) continue;
    edges[edge.id] = edge;
    keep.add(edge.source);
    keep.add(edge.target);
  }
  const nodes: Graph['nodes'] = {};
  for (const id of keep) if (graph.nodes[id]) nodes[id] = graph.nodes[id]!;
  return { nodes, edges };
}
