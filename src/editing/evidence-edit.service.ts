import type { EvidenceRecord } from '../articles/article.repository';
import type { Caller } from '../auth/caller';
import { spanProblems } from '../bundles/bundle.validate';
import { InvalidInputError } from '../common/errors';
import type { Database, Queryable } from '../db/database';
import type { AddEvidenceInput, DeleteEvidenceInput, UpdateEvidenceInput } from './editing.inputs';
import {
  deleteEvidenceRow,
  evidenceContext,
  evidenceRecord,
  factIdBySlug,
  findStance,
  hasSpan,
  insertEvidence,
  roleExists,
  updateEvidenceRow,
  type EvidenceColumn,
} from './editing.repository';
import { fromHandle } from './handles';
import { evidenceStates } from './state.repository';
import { inTransaction, lockAtVersion, Problems, storedArticle } from './write';

/** The fact an AddEvidenceInput names: its evidence column and row id, or a problem. */
async function resolveTarget(tx: Queryable, of: AddEvidenceInput['of'], problems: Problems): Promise<{ column: EvidenceColumn; id: string } | null> {
  const named = (['actor', 'place', 'event', 'role', 'stance'] as const).filter((key) => of[key] !== undefined && of[key] !== null);
  if (named.length !== 1) {
    problems.add('input.of', `must name exactly one fact (actor, place, event, role or stance), got ${named.length}`);
    return null;
  }
  const [key] = named;
  let id: string | null = null;
  if (key === 'actor' || key === 'place' || key === 'event') {
    id = await factIdBySlug(tx, `${key}s`, of[key] as string);
    if (!id) problems.add(`input.of.${key}`, `unknown ${key} "${of[key]}"`);
  } else if (key === 'role') {
    const roleId = fromHandle('Role', of.role as string, 'input.of.role');
    id = (await roleExists(tx, roleId)) ? roleId : null;
    if (!id) problems.add('input.of.role', `no role has the id "${of.role}"`);
  } else {
    const stance = of.stance!;
    id = await findStance(tx, stance.actor, stance.proposal);
    if (!id) problems.add('input.of.stance', `"${stance.actor}" has no stance on "${stance.proposal}"`);
  }
  return id ? { column: `${key}_id` as EvidenceColumn, id } : null;
}

export async function addEvidence(db: Database, by: Caller, input: AddEvidenceInput): Promise<EvidenceRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const problems = new Problems();
    const article = await storedArticle(tx, input.article);
    if (!article) problems.add('input.article', `unknown article "${input.article}"`);
    else problems.addAll(spanProblems(article.text, input, 'input'));
    const target = await resolveTarget(tx, input.of, problems);
    if (article && target && (await hasSpan(tx, target.column, target.id, article.dbId, input))) {
      problems.add('input.start', 'this span supports that fact already');
    }
    problems.throwIfAny();
    const [id] = await insertEvidence(tx, article!.dbId, target!.column, target!.id, [input]);
    const state = (await evidenceStates(tx, [id])).get(id)!;
    audit.push({ action: 'CREATE', entity: 'EVIDENCE', key: state.id, before: null, after: state });
    return evidenceRecord(tx, id);
  });
}

export async function updateEvidence(db: Database, by: Caller, input: UpdateEvidenceInput): Promise<EvidenceRecord> {
  const evidenceId = fromHandle('Evidence', input.id, 'input.id');
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'evidence', { sql: 'id = $1', params: [evidenceId] }, input.version, `evidence ${input.id}`);
    const before = (await evidenceStates(tx, [id])).get(id)!;
    const span = { start: input.start ?? before.start, end: input.end ?? before.end, quote: input.quote ?? before.quote };
    const problems = new Problems();
    problems.addAll(spanProblems((await evidenceContext(tx, id))!.text, span, 'input'));
    problems.throwIfAny();
    if (span.start !== before.start || span.end !== before.end || span.quote !== before.quote) {
      await updateEvidenceRow(tx, id, span);
      audit.push({ action: 'UPDATE', entity: 'EVIDENCE', key: before.id, before, after: (await evidenceStates(tx, [id])).get(id) });
    }
    return evidenceRecord(tx, id);
  });
}

/** Deletes a span; the last span of a fact is refused, since a fact without evidence is not in the graph. */
export async function deleteEvidence(db: Database, by: Caller, input: DeleteEvidenceInput): Promise<{ key: string }> {
  const evidenceId = fromHandle('Evidence', input.id, 'input.id');
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'evidence', { sql: 'id = $1', params: [evidenceId] }, input.version, `evidence ${input.id}`);
    const before = (await evidenceStates(tx, [id])).get(id)!;
    if ((await evidenceContext(tx, id))!.siblings <= 1) {
      const message = `is the only evidence of ${before.of.entity.toLowerCase()} "${before.of.key}": a fact without evidence is not in the graph, so delete the fact instead`;
      throw new InvalidInputError(`Cannot delete: ${message}`, [{ path: 'input.id', message }]);
    }
    await deleteEvidenceRow(tx, id);
    audit.push({ action: 'DELETE', entity: 'EVIDENCE', key: before.id, before, after: null });
    return { key: before.id };
  });
}
