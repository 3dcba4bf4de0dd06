import type { Caller } from '../auth/caller';
import type { EventInput } from '../bundles/bundle.inputs';
import { InvalidInputError } from '../common/errors';
import type { Database } from '../db/database';
import { eventsByIds, type EventRecord } from '../events/event.repository';
import type { CreateEventInput, DeleteEventInput, UpdateEventInput } from './editing.inputs';
import {
  deleteEventRows,
  eventSpans,
  insertEquivalent,
  insertEvent,
  insertEvidence,
  replaceParticipations,
  replacePrimaryAmount,
  stancesOnProposals,
  updateEventRow,
} from './editing.repository';
import { trackChanges } from './fact-changes';
import { eventStates } from './state.repository';
import { checkItem, given, inTransaction, knownGraph, lockAtVersion, Problems, storedArticle, type References, type DeleteResult } from './write';

/** Fields an update may give; which of them apply depends on the event's kind (the checks refuse the others). */
const UPDATABLE = [
  'title', 'status', 'date', 'place', 'participants', 'ordinal', 'purpose', 'agenda', 'donors', 'recipient', 'amount',
  'purposes', 'announcedBy', 'speaker', 'quote', 'mode', 'about', 'proposedBy', 'summary', 'category',
] as const;

/** Every actor and place an event refers to. */
function referencesOf(event: Partial<EventInput>): References {
  return {
    actors: [
      ...(event.participants ?? []).map((p) => p?.actor),
      ...(event.donors ?? []),
      event.recipient,
      event.announcedBy,
      event.speaker,
      ...(event.about ?? []),
      event.proposedBy,
    ],
    places: [event.place],
  };
}

async function eventRecord(tx: Parameters<typeof eventsByIds>[0], id: string): Promise<EventRecord> {
  return (await eventsByIds(tx, [id]))[0];
}

export async function createEvent(db: Database, by: Caller, input: CreateEventInput): Promise<EventRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const problems = new Problems();
    const article = await storedArticle(tx, input.article);
    if (!article) problems.add('input.article', `unknown article "${input.article}"`);
    const graph = await knownGraph(tx, { ...referencesOf(input), events: [input.slug] });
    if (graph.events.has(input.slug)) problems.add('input.slug', `"${input.slug}" is taken: an event with this slug exists already (update it instead)`);
    problems.addAll(checkItem('events', input, article?.text ?? null, graph));
    problems.throwIfAny();
    let id = '';
    audit.push(
      ...(await trackChanges(tx, {}, async () => {
        id = await insertEvent(tx, input);
        await insertEvidence(tx, article!.dbId, 'event_id', id, input.evidence);
        await replaceParticipations(tx, id, input);
        if (input.amount) await replacePrimaryAmount(tx, id, input.amount);
        for (const equivalent of input.reportedEquivalents ?? []) {
          await insertEvidence(tx, article!.dbId, 'amount_id', await insertEquivalent(tx, id, equivalent), equivalent.evidence);
        }
        return { events: [id] };
      })),
    );
    return eventRecord(tx, id);
  });
}

export async function updateEvent(db: Database, by: Caller, input: UpdateEventInput): Promise<EventRecord> {
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'events', { sql: 'slug = $1', params: [input.slug] }, input.version, `event "${input.slug}"`);
    const current = (await eventStates(tx, [id])).get(id)!;
    // The stored spans stand in for the evidence: a statement's new quote must be inside one of them.
    const merged = { ...current, ...given(input, UPDATABLE), evidence: await eventSpans(tx, id) } as unknown as EventInput;
    const problems = new Problems();
    problems.addAll(checkItem('events', merged, null, await knownGraph(tx, referencesOf(merged))));
    problems.throwIfAny();
    audit.push(
      ...(await trackChanges(tx, { events: [id] }, async () => {
        await updateEventRow(tx, id, merged);
        await replaceParticipations(tx, id, merged);
        if (input.amount) await replacePrimaryAmount(tx, id, input.amount);
      })),
    );
    return eventRecord(tx, id);
  });
}

/** Deletes an event; a proposal that stances refer to is refused unless the caller cascades (the stances go too). */
export async function deleteEvent(db: Database, by: Caller, input: DeleteEventInput): Promise<DeleteResult> {
  return inTransaction(db, by, async (tx, audit) => {
    const id = await lockAtVersion(tx, 'events', { sql: 'slug = $1', params: [input.slug] }, input.version, `event "${input.slug}"`);
    const stances = await stancesOnProposals(tx, [id]);
    if (stances.length && !input.cascade) {
      const message = `event "${input.slug}" is the proposal of ${stances.length} stance${stances.length === 1 ? '' : 's'} (by ${stances
        .map((s) => s.key)
        .join(', ')}): pass cascade: true to delete them with it`;
      throw new InvalidInputError(`Cannot delete: ${message}`, [{ path: 'input.cascade', message }]);
    }
    const changes = await trackChanges(tx, { events: [id], stances: stances.map((s) => s.id) }, () => deleteEventRows(tx, [id]));
    audit.push(...changes);
    return { changes };
  });
}
