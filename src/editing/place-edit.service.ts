import type { Caller } from '../auth/caller';
import { InvalidInputError } from '../common/errors';
import type { Database } from '../db/database';
import { placesByIds, type PlaceRecord } from '../places/place.repository';
import type { CreatePlaceInput, DeletePlaceInput, UpdatePlaceInput } from './editing.inputs';
import { deletePlaceRows, eventsAtPlace, insertEvidence, insertPlace, updatePlaceRow } from './editing.repository';
import { trackChanges } from './fact-changes';
import { placeStates } from './state.repository';
import { checkItem, given, inTransaction, knownGraph, lockAtVersion, Problems, storedArticle, type DeleteResult } from './write';

export async function createPlace(db: Database, by: Caller, input: CreatePlaceInput): Promise<PlaceRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const problems = new Problems();
    const article = await storedArticle(tx, input.article);
    if (!article) problems.add('input.article', `unknown article "${input.article}"`);
    const graph = await knownGraph(tx, { places: [input.slug], actors: [input.country] });
    if (graph.places.has(input.slug)) problems.add('input.slug', `"${input.slug}" is taken: a place with this slug exists already (update it instead)`);
    problems.addAll(checkItem('places', input, article?.text ?? null, graph));
    problems.throwIfAny();
    let id = '';
    audit.push(
      ...(await trackChanges(tx, {}, async () => {
        id = await insertPlace(tx, input);
        await insertEvidence(tx, article!.dbId, 'place_id', id, input.evidence);
        return { places: [id] };
      })),
    );
    return (await placesByIds(tx, [id]))[0];
  });
}

export async function updatePlace(db: Database, by: Caller, input: UpdatePlaceInput): Promise<PlaceRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'places', { sql: 'slug = $1', params: [input.slug] }, input.version, `place "${input.slug}"`);
    const current = (await placeStates(tx, [id])).get(id)!;
    const merged = { ...current, ...given(input, ['name', 'country'] as const) };
    const problems = new Problems();
    problems.addAll(checkItem('places', { ...merged, evidence: [] }, null, await knownGraph(tx, { actors: [merged.country] })));
    problems.throwIfAny();
    audit.push(...(await trackChanges(tx, { places: [id] }, () => updatePlaceRow(tx, id, { name: merged.name as string, country: merged.country ?? null }))));
    return (await placesByIds(tx, [id]))[0];
  });
}

/** Deletes a place; one where events happened is refused unless the caller cascades (the events then lose their place). */
export async function deletePlace(db: Database, by: Caller, input: DeletePlaceInput): Promise<DeleteResult> {
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'places', { sql: 'slug = $1', params: [input.slug] }, input.version, `place "${input.slug}"`);
    const events = await eventsAtPlace(tx, id);
    if (events.length && !input.cascade) {
      const names = events.slice(0, 5).map((e) => e.slug).join(', ') + (events.length > 5 ? `, and ${events.length - 5} more` : '');
      const message = `place "${input.slug}" is where ${events.length} event${events.length === 1 ? '' : 's'} happened (${names}): pass cascade: true to delete it and clear their place`;
      throw new InvalidInputError(`Cannot delete: ${message}`, [{ path: 'input.cascade', message }]);
    }
    const changes = await trackChanges(tx, { places: [id], events: events.map((e) => e.id) }, () => deletePlaceRows(tx, id));
    audit.push(...changes);
    return { changes };
  });
}
