import { rolesByPersons, type RoleRecord } from '../actors/actor.repository';
import type { Caller } from '../auth/caller';
import type { Database, Queryable } from '../db/database';
import type { CreateRoleInput, DeleteRoleInput, UpdateRoleInput } from './editing.inputs';
import { deleteRoleRows, findRole, insertEvidence, insertRole, updateRoleRow } from './editing.repository';
import { trackChanges } from './fact-changes';
import { fromHandle } from './handles';
import { roleStates } from './state.repository';
import { checkItem, given, inTransaction, knownGraph, lockAtVersion, Problems, storedArticle, type DeleteResult } from './write';

async function roleRecord(tx: Queryable, id: string): Promise<RoleRecord> {
  const [{ person_id: personId }] = await tx.query<{ person_id: string }>('SELECT person_id::text FROM roles WHERE id = $1', [id]);
  return (await rolesByPersons(tx, [personId])).get(personId)!.find((role) => role.dbId === id)!;
}

const taken = (person: string, title: string, of: string | null | undefined) =>
  `"${person}" holds "${title}"${of ? ` for "${of}"` : ''} already (update that role instead)`;

export async function createRole(db: Database, by: Caller, input: CreateRoleInput): Promise<RoleRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const problems = new Problems();
    const article = await storedArticle(tx, input.article);
    if (!article) problems.add('input.article', `unknown article "${input.article}"`);
    const graph = await knownGraph(tx, { actors: [input.person, input.of] });
    problems.addAll(checkItem('roles', input, article?.text ?? null, graph));
    if (await findRole(tx, input.person, input.title, input.of ?? null)) problems.add('input.title', taken(input.person, input.title, input.of));
    problems.throwIfAny();
    let id = '';
    audit.push(
      ...(await trackChanges(tx, {}, async () => {
        id = await insertRole(tx, input);
        await insertEvidence(tx, article!.dbId, 'role_id', id, input.evidence);
        return { roles: [id] };
      })),
    );
    return roleRecord(tx, id);
  });
}

export async function updateRole(db: Database, by: Caller, input: UpdateRoleInput): Promise<RoleRecord> {
  const roleId = fromHandle('Role', input.id, 'input.id');
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'roles', { sql: 'id = $1', params: [roleId] }, input.version, `role ${input.id}`);
    const current = (await roleStates(tx, [id])).get(id)!;
    const merged = { ...current, ...given(input, ['title', 'of', 'since', 'until'] as const) };
    const problems = new Problems();
    problems.addAll(checkItem('roles', { ...merged, evidence: [] }, null, await knownGraph(tx, { actors: [merged.person, merged.of] })));
    const same = await findRole(tx, merged.person, merged.title as string, merged.of ?? null);
    if (same && same !== id) problems.add('input.title', taken(merged.person, merged.title as string, merged.of));
    problems.throwIfAny();
    const next = { title: merged.title as string, of: merged.of ?? null, since: merged.since ?? null, until: merged.until ?? null };
    audit.push(...(await trackChanges(tx, { roles: [id] }, () => updateRoleRow(tx, id, next))));
    return roleRecord(tx, id);
  });
}

export async function deleteRole(db: Database, by: Caller, input: DeleteRoleInput): Promise<DeleteResult> {
  const roleId = fromHandle('Role', input.id, 'input.id');
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'roles', { sql: 'id = $1', params: [roleId] }, input.version, `role ${input.id}`);
    const changes = await trackChanges(tx, { roles: [id] }, () => deleteRoleRows(tx, [id]));
    audit.push(...changes);
    return { changes };
  });
}
