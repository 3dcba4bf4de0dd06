import type { Caller } from '../auth/caller';
import type { Database, Queryable } from '../db/database';
import { stancesBy, type StanceRecord } from '../proposals/stance.repository';
import type { CreateStanceInput, DeleteStanceInput, UpdateStanceInput } from './editing.inputs';
import { deleteStanceRows, findStance, insertEvidence, insertStance, STANCE_WHERE, updateStanceRow } from './editing.repository';
import { trackChanges } from './fact-changes';
import { stanceStates } from './state.repository';
import { checkItem, given, inTransaction, knownGraph, lockAtVersion, Problems, storedArticle, type DeleteResult } from './write';

async function stanceRecord(tx: Queryable, id: string): Promise<StanceRecord> {
  const [{ actor_id: actorId }] = await tx.query<{ actor_id: string }>('SELECT actor_id::text FROM stances WHERE id = $1', [id]);
  return (await stancesBy(tx, 'actor', [actorId])).get(actorId)!.find((stance) => stance.dbId === id)!;
}

export async function createStance(db: Database, by: Caller, input: CreateStanceInput): Promise<StanceRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const problems = new Problems();
    const article = await storedArticle(tx, input.article);
    if (!article) problems.add('input.article', `unknown article "${input.article}"`);
    const graph = await knownGraph(tx, { actors: [input.actor], events: [input.proposal] });
    problems.addAll(checkItem('stances', input, article?.text ?? null, graph));
    if (await findStance(tx, input.actor, input.proposal)) {
      problems.add('input.proposal', `"${input.actor}" has a stance on "${input.proposal}" already (update it instead)`);
    }
    problems.throwIfAny();
    let id = '';
    audit.push(
      ...(await trackChanges(tx, {}, async () => {
        id = await insertStance(tx, input);
        await insertEvidence(tx, article!.dbId, 'stance_id', id, input.evidence);
        return { stances: [id] };
      })),
    );
    return stanceRecord(tx, id);
  });
}

const what = (input: { actor: string; proposal: string }) => `the stance of "${input.actor}" on "${input.proposal}"`;

export async function updateStance(db: Database, by: Caller, input: UpdateStanceInput): Promise<StanceRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'stances', { sql: STANCE_WHERE, params: [input.actor, input.proposal] }, input.version, what(input));
    const current = (await stanceStates(tx, [id])).get(id)!;
    const merged = { ...current, ...given(input, ['position', 'conditions'] as const) };
    audit.push(
      ...(await trackChanges(tx, { stances: [id] }, () => updateStanceRow(tx, id, { position: merged.position as string, conditions: merged.conditions as string[] }))),
    );
    return stanceRecord(tx, id);
  });
}

export async function deleteStance(db: Database, by: Caller, input: DeleteStanceInput): Promise<DeleteResult> {
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'stances', { sql: STANCE_WHERE, params: [input.actor, input.proposal] }, input.version, what(input));
    const changes = await trackChanges(tx, { stances: [id] }, () => deleteStanceRows(tx, [id]));
    audit.push(...changes);
    return { changes };
  });
}
