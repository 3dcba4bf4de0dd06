import { groupBy } from '../common/group-by';
import type { Queryable } from '../db/database';

export interface StanceRecord {
  dbId: string;
  actorId: string;
  proposalId: string;
  position: string;
  conditions: string[];
  version: number;
}

interface StanceRow {
  id: string;
  actor_id: string;
  proposal_id: string;
  position: string;
  conditions: string[];
  version: number;
}

const toStance = (row: StanceRow): StanceRecord => ({
  dbId: row.id,
  actorId: row.actor_id,
  proposalId: row.proposal_id,
  position: row.position,
  conditions: row.conditions,
  version: row.version,
});

/** Stances by actor id or by proposal id. */
export async function stancesBy(db: Queryable, by: 'actor' | 'proposal', ids: readonly string[]): Promise<Map<string, StanceRecord[]>> {
  const column = by === 'actor' ? 'actor_id' : 'proposal_id';
  const rows = await db.query<StanceRow>(
    `SELECT id::text, actor_id::text, proposal_id::text, position, conditions, version FROM stances
     WHERE ${column} = ANY($1::bigint[]) ORDER BY stances.${column}, stances.id`,
    [ids],
  );
  return groupBy(rows, (row) => (by === 'actor' ? row.actor_id : row.proposal_id), toStance);
}
