import { actorsByIds, type ActorRecord } from '../actors/actor.repository';
import type { Caller } from '../auth/caller';
import { InvalidInputError } from '../common/errors';
import type { Database, Queryable } from '../db/database';
import type { CreateActorInput, DeleteActorInput, UpdateActorInput } from './editing.inputs';
import {
  actorReferences,
  deleteActorRows,
  insertActor,
  insertEvidence,
  insertMembership,
  rolesHeldBy,
  stancesOnProposals,
  updateActorRow,
  type ActorReferences,
} from './editing.repository';
import { trackChanges } from './fact-changes';
import { actorStates } from './state.repository';
import { checkItem, given, inTransaction, knownGraph, lockAtVersion, Problems, storedArticle, type DeleteResult } from './write';

async function actorRecord(tx: Queryable, id: string): Promise<ActorRecord> {
  const [record] = await actorsByIds(tx, [id]);
  return record;
}

export async function createActor(db: Database, by: Caller, input: CreateActorInput): Promise<ActorRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const problems = new Problems();
    const article = await storedArticle(tx, input.article);
    if (!article) problems.add('input.article', `unknown article "${input.article}"`);
    const graph = await knownGraph(tx, { actors: [input.slug, ...(input.members ?? []).map((m) => m.actor)] });
    if (graph.actors.has(input.slug)) problems.add('input.slug', `"${input.slug}" is taken: an actor with this slug exists already (update it instead)`);
    problems.addAll(checkItem('actors', input, article?.text ?? null, graph));
    problems.throwIfAny();
    let id = '';
    audit.push(
      ...(await trackChanges(tx, {}, async () => {
        id = await insertActor(tx, input);
        await insertEvidence(tx, article!.dbId, 'actor_id', id, input.evidence);
        for (const member of input.members ?? []) {
          await insertEvidence(tx, article!.dbId, 'membership_id', await insertMembership(tx, id, member), member.evidence);
        }
        return { actors: [id] };
      })),
    );
    return actorRecord(tx, id);
  });
}

export async function updateActor(db: Database, by: Caller, input: UpdateActorInput): Promise<ActorRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'actors', { sql: 'slug = $1', params: [input.slug] }, input.version, `actor "${input.slug}"`);
    const current = (await actorStates(tx, [id])).get(id)!;
    const merged = { ...current, ...given(input, ['name', 'aliases', 'isoCode', 'orgType'] as const) };
    const problems = new Problems();
    problems.addAll(checkItem('actors', { ...merged, members: undefined, evidence: [] }, null, await knownGraph(tx, {})));
    problems.throwIfAny();
    audit.push(...(await trackChanges(tx, { actors: [id] }, () => updateActorRow(tx, id, merged))));
    return actorRecord(tx, id);
  });
}

const listed = (items: { slug?: string; key?: string }[], what: string) => {
  if (items.length === 0) return null;
  const names = items.slice(0, 5).map((i) => i.slug ?? i.key);
  const more = items.length > 5 ? `, and ${items.length - 5} more` : '';
  return `${items.length} ${what}${items.length === 1 ? '' : 's'} (${names.join(', ')}${more})`;
};

function describeReferences(refs: ActorReferences): string | null {
  const parts = [
    listed(refs.events, 'event'),
    listed(refs.stances, 'stance'),
    listed(refs.rolesFor, 'role held for it'),
    listed(refs.places, 'place in it'),
    listed(refs.memberOf, 'organization it belongs to'),
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/**
 * Deletes an actor. One that other facts still refer to is refused, naming them, unless the caller
 * cascades: then the events it takes part in (and stances on them), its stances and the roles held
 * for it go too, places in it lose their country and organizations lose it as a member.
 */
export async function deleteActor(db: Database, by: Caller, input: DeleteActorInput): Promise<DeleteResult> {
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'actors', { sql: 'slug = $1', params: [input.slug] }, input.version, `actor "${input.slug}"`);
    const refs = await actorReferences(tx, id);
    const described = describeReferences(refs);
    if (described && !input.cascade) {
      const message = `actor "${input.slug}" is still referenced by ${described}: change or delete those first, or pass cascade: true to delete them with it`;
      throw new InvalidInputError(`Cannot delete: ${message}`, [{ path: 'input.cascade', message }]);
    }
    const eventIds = refs.events.map((e) => e.id);
    const touched = {
      actors: [id, ...refs.memberOf.map((o) => o.id)],
      events: eventIds,
      stances: [...refs.stances, ...(await stancesOnProposals(tx, eventIds))].map((s) => s.id),
      roles: [...refs.rolesFor.map((r) => r.id), ...(await rolesHeldBy(tx, id))],
      places: refs.places.map((p) => p.id),
    };
    const changes = await trackChanges(tx, touched, () => deleteActorRows(tx, id, refs));
    audit.push(...changes);
    return { changes };
  });
}
