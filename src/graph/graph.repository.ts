import { ACTOR_COLUMNS, toActor, type ActorRecord, type ActorRow } from '../actors/actor.repository';
import type { Queryable } from '../db/database';

/** One shortest chain: actors in order and, between each two, the event that links them. */
export interface ChainRecord {
  actorIds: string[];
  eventIds: string[];
}

/** Two actors linked by an event (both took part in it) near a center actor. */
export interface LinkRecord {
  sourceId: string;
  targetId: string;
  eventId: string;
  kind: string;
  sourceRole: string;
  targetRole: string;
}

/** Actors linked by sharing an event of the given kinds (all kinds when empty). */
const LINK = (from: string, kinds: string) => `
  JOIN participations p1 ON p1.actor_id = ${from}
  JOIN events le ON le.id = p1.event_id AND (cardinality(${kinds}::text[]) = 0 OR le.kind = ANY(${kinds}::text[]))
  JOIN participations p2 ON p2.event_id = p1.event_id AND p2.actor_id <> p1.actor_id`;

/**
 * The shortest chains of actors from one actor to another, linked through shared events, at most
 * maxHops links long, each step naming its earliest linking event (by date, then id). One statement:
 * newsgraph_shortest_links (migrations 0006, 0010, 0013) searches from both ends over actor_links and
 * returns the links of every shortest chain; the chains are then read off in order of their actor
 * id lists (compared as numbers), at most `limit` of them. An actor to itself is one chain of no links.
 */
export async function shortestChains(
  db: Queryable,
  from: string,
  to: string,
  maxHops: number,
  kinds: string[],
  limit: number,
): Promise<ChainRecord[]> {
  const rows = await db.query<{ from_id: string; to_id: string; links: { step: number; source: string; target: string; event: string }[] | null }>(
    `SELECT s.id::text AS from_id, d.id::text AS to_id,
            (SELECT json_agg(json_build_object('step', l.step, 'source', l.source_id::text, 'target', l.target_id::text, 'event', l.event_id::text))
             FROM newsgraph_shortest_links(s.id, d.id, $3, $4::text[]) l) AS links
     FROM actors s, actors d WHERE s.slug = $1 AND d.slug = $2`,
    [from, to, maxHops, kinds],
  );
  if (rows.length === 0) return [];
  const { from_id: start, to_id: end, links } = rows[0];
  if (start === end) return [{ actorIds: [start], eventIds: [] }];
  if (!links || links.length === 0) return [];
  const length = Math.max(...links.map((l) => l.step)) + 1;
  const next = new Map<string, { target: string; event: string }[]>();
  for (const l of links) {
    const key = `${l.step}:${l.source}`;
    if (!next.has(key)) next.set(key, []);
    next.get(key)!.push({ target: l.target, event: l.event });
  }
  for (const steps of next.values()) steps.sort((a, b) => Number(a.target) - Number(b.target));
  // Depth first, smallest id first: chains come out in the order of their actor id lists.
  const chains: ChainRecord[] = [];
  const walk = (actorIds: string[], eventIds: string[]): void => {
    if (chains.length >= limit) return;
    if (eventIds.length === length) {
      if (actorIds[length] === end) chains.push({ actorIds: [...actorIds], eventIds: [...eventIds] });
      return;
    }
    for (const { target, event } of next.get(`${eventIds.length}:${actorIds[actorIds.length - 1]}`) ?? []) {
      actorIds.push(target);
      eventIds.push(event);
      walk(actorIds, eventIds);
      actorIds.pop();
      eventIds.pop();
      if (chains.length >= limit) return;
    }
  };
  walk([start], []);
  return chains;
}

/**
 * The actors within `hops` links of a center actor (nearest first, at most `nodeLimit`) and the
 * events linking any two of them (at most `edgeLimit`), computed in SQL.
 */
export async function neighborhood(
  db: Queryable,
  center: string,
  hops: number,
  kinds: string[],
  nodeLimit: number,
  edgeLimit: number,
): Promise<{ nodes: { actor: ActorRecord; distance: number }[]; links: LinkRecord[]; truncated: boolean }> {
  const nodes = await db.query<{ actor_id: string; distance: number; reachable: number; actor: ActorRow }>(
    `WITH RECURSIVE reach(actor_id, depth) AS (
       SELECT id, 0 FROM actors WHERE slug = $1
       UNION
       SELECT p2.actor_id, r.depth + 1 FROM reach r ${LINK('r.actor_id', '$3')} WHERE r.depth < $2
     ),
     nearest AS (SELECT actor_id, min(depth) AS d FROM reach GROUP BY actor_id)
     SELECT n.actor_id::text, n.d AS distance, (count(*) OVER ())::int AS reachable,
            (SELECT to_jsonb(r) FROM (SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = n.actor_id) r) AS actor
     FROM nearest n ORDER BY n.d, n.actor_id LIMIT $4`,
    [center, hops, kinds, nodeLimit],
  );
  if (nodes.length === 0) return { nodes: [], links: [], truncated: false };
  const ids = nodes.map((n) => n.actor_id);
  const links = await db.query<{ a: string; b: string; event_id: string; kind: string; role_a: string; role_b: string }>(
    `SELECT DISTINCT ON (le.sort_date, le.id, p1.actor_id, p2.actor_id)
            p1.actor_id::text AS a, p2.actor_id::text AS b, le.id::text AS event_id, le.kind, p1.role AS role_a, p2.role AS role_b
     FROM participations p1
     JOIN events le ON le.id = p1.event_id AND (cardinality($2::text[]) = 0 OR le.kind = ANY($2::text[]))
     JOIN participations p2 ON p2.event_id = p1.event_id AND p2.actor_id > p1.actor_id
     WHERE p1.actor_id = ANY($1::bigint[]) AND p2.actor_id = ANY($1::bigint[])
     ORDER BY le.sort_date, le.id, p1.actor_id, p2.actor_id, p1.role, p2.role
     LIMIT $3`,
    [ids, kinds, edgeLimit + 1],
  );
  const truncated = nodes[0].reachable > nodes.length || links.length > edgeLimit;
  return {
    nodes: nodes.map((n) => ({ actor: toActor(n.actor), distance: n.distance })),
    links: links.slice(0, edgeLimit).map((l) => {
      // Money and words flow one way: a donor points at its recipient, a speaker at its subject.
      const flip = (l.role_a === 'recipient' && l.role_b === 'donor') || (l.role_a === 'subject' && l.role_b === 'speaker');
      return flip
        ? { sourceId: l.b, targetId: l.a, eventId: l.event_id, kind: l.kind, sourceRole: l.role_b, targetRole: l.role_a }
        : { sourceId: l.a, targetId: l.b, eventId: l.event_id, kind: l.kind, sourceRole: l.role_a, targetRole: l.role_b };
    }),
    truncated,
  };
}
