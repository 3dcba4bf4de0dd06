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
 * maxHops links long, all computed in SQL: breadth-first distances from both ends (recursive), then
 * the chains whose every step moves one link closer (recursive), each step naming its earliest
 * linking event. Returns at most `limit` chains, in a stable order.
 */
export async function shortestChains(
  db: Queryable,
  from: string,
  to: string,
  maxHops: number,
  kinds: string[],
  limit: number,
): Promise<ChainRecord[]> {
  const rows = await db.query<{ actor_ids: string[]; event_ids: string[] }>(
    `WITH RECURSIVE
     src AS (SELECT id FROM actors WHERE slug = $1),
     dst AS (SELECT id FROM actors WHERE slug = $2),
     fwd(actor_id, depth) AS (
       SELECT id, 0 FROM src
       UNION
       SELECT p2.actor_id, f.depth + 1 FROM fwd f ${LINK('f.actor_id', '$4')} WHERE f.depth < $3
     ),
     dist_from AS (SELECT actor_id, min(depth) AS d FROM fwd GROUP BY actor_id),
     total AS (SELECT d FROM dist_from WHERE actor_id = (SELECT id FROM dst)),
     bwd(actor_id, depth) AS (
       SELECT id, 0 FROM dst WHERE EXISTS (SELECT 1 FROM total)
       UNION
       SELECT p2.actor_id, b.depth + 1 FROM bwd b ${LINK('b.actor_id', '$4')} WHERE b.depth < (SELECT d FROM total)
     ),
     dist_to AS (SELECT actor_id, min(depth) AS d FROM bwd GROUP BY actor_id),
     chains(actor_ids, event_ids, last, k) AS (
       SELECT ARRAY[s.id], ARRAY[]::bigint[], s.id, 0 FROM src s WHERE EXISTS (SELECT 1 FROM total)
       UNION ALL
       SELECT c.actor_ids || step.actor_id, c.event_ids || step.event_id, step.actor_id, c.k + 1
       FROM chains c
       CROSS JOIN LATERAL (
         SELECT DISTINCT ON (p2.actor_id) p2.actor_id, le.id AS event_id
         FROM participations p1
         JOIN events le ON le.id = p1.event_id AND (cardinality($4::text[]) = 0 OR le.kind = ANY($4::text[]))
         JOIN participations p2 ON p2.event_id = p1.event_id AND p2.actor_id <> p1.actor_id
         JOIN dist_from df ON df.actor_id = p2.actor_id AND df.d = c.k + 1
         JOIN dist_to dt ON dt.actor_id = p2.actor_id AND dt.d = (SELECT d FROM total) - c.k - 1
         WHERE p1.actor_id = c.last
         ORDER BY p2.actor_id, le.sort_date, le.id
       ) step
       WHERE c.k < (SELECT d FROM total)
     )
     SELECT actor_ids::text[] AS actor_ids, event_ids::text[] AS event_ids FROM chains
     WHERE last = (SELECT id FROM dst)
     ORDER BY actor_ids
     LIMIT $5`,
    [from, to, maxHops, kinds, limit],
  );
  return rows.map((row) => ({ actorIds: row.actor_ids, eventIds: row.event_ids }));
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
