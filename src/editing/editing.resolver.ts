import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ActorRecord, RoleRecord } from '../actors/actor.repository';
import { Actor, Role } from '../actors/actor.types';
import type { EvidenceRecord } from '../articles/article.repository';
import { Evidence } from '../articles/article.types';
import type { AuditChange } from '../audit/audit.repository';
import { AuditEntity } from '../audit/audit.types';
import { WRITERS } from '../auth/auth.checker';
import type { Caller } from '../auth/caller';
import type { EventRecord } from '../events/event.repository';
import { Event } from '../events/event.types';
import { createLoaders } from '../graphql/loaders';
import type { Context } from '../graphql/context';
import type { PlaceRecord } from '../places/place.repository';
import { Place } from '../places/place.types';
import { Stance } from '../proposals/proposal.types';
import type { StanceRecord } from '../proposals/stance.repository';
import { createActor, deleteActor, updateActor } from './actor-edit.service';
import {
  AddEvidenceInput,
  CreateActorInput,
  CreateEventInput,
  CreatePlaceInput,
  CreateRoleInput,
  CreateStanceInput,
  DeleteActorInput,
  DeleteEventInput,
  DeleteEvidenceInput,
  DeletePlaceInput,
  DeleteRoleInput,
  DeleteStanceInput,
  UpdateActorInput,
  UpdateEventInput,
  UpdateEvidenceInput,
  UpdatePlaceInput,
  UpdateRoleInput,
  UpdateStanceInput,
} from './editing.inputs';
import { ChangedFact, DeletePayload } from './editing.types';
import { createEvent, deleteEvent, updateEvent } from './event-edit.service';
import { addEvidence, deleteEvidence, updateEvidence } from './evidence-edit.service';
import { toHandle } from './handles';
import { createPlace, deletePlace, updatePlace } from './place-edit.service';
import { createRole, deleteRole, updateRole } from './role-edit.service';
import { createStance, deleteStance, updateStance } from './stance-edit.service';
import type { DeleteResult } from './write';

/**
 * Runs a write as the request's caller (the auth checker has made sure there is one), then gives
 * the rest of the request fresh loaders, so that fields read after the write see it.
 */
export async function written<T>(ctx: Context, write: (by: Caller) => Promise<T>): Promise<T> {
  const by = (await ctx.caller()) as Caller;
  const result = await write(by);
  ctx.loaders = createLoaders(ctx.db);
  return result;
}

function deletePayload({ changes }: DeleteResult): DeletePayload {
  const ref = (change: AuditChange): ChangedFact => ({
    entity: change.entity as AuditEntity,
    key: change.key,
    version: (change.after as { version?: number } | null)?.version ?? null,
  });
  return {
    deleted: changes.filter((c) => c.action === 'DELETE').map(ref),
    updated: changes.filter((c) => c.action === 'UPDATE').map(ref),
  };
}

const DELETED = 'Returns what was deleted and what the cascade changed.';

/** Create, update and delete of single facts; every one needs an editor or admin key and is audited. */
@Resolver()
export class EditingResolver {
  @Authorized(WRITERS)
  @Mutation(() => Actor, { description: 'Adds an actor, with evidence from a stored article. The slug must be new.' })
  createActor(@Arg('input', () => CreateActorInput) input: CreateActorInput, @Ctx() ctx: Context): Promise<ActorRecord> {
    return written(ctx, (by) => createActor(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => Actor, { description: "Changes an actor's name, aliases, ISO code or organization type." })
  updateActor(@Arg('input', () => UpdateActorInput) input: UpdateActorInput, @Ctx() ctx: Context): Promise<ActorRecord> {
    return written(ctx, (by) => updateActor(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => DeletePayload, { description: `Deletes an actor; refused while other facts refer to it, unless cascade is true. ${DELETED}` })
  async deleteActor(@Arg('input', () => DeleteActorInput) input: DeleteActorInput, @Ctx() ctx: Context): Promise<DeletePayload> {
    return deletePayload(await written(ctx, (by) => deleteActor(ctx.store, by, input)));
  }

  @Authorized(WRITERS)
  @Mutation(() => Place, { description: 'Adds a place, with evidence from a stored article. The slug must be new.' })
  createPlace(@Arg('input', () => CreatePlaceInput) input: CreatePlaceInput, @Ctx() ctx: Context): Promise<PlaceRecord> {
    return written(ctx, (by) => createPlace(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => Place, { description: "Changes a place's name or country." })
  updatePlace(@Arg('input', () => UpdatePlaceInput) input: UpdatePlaceInput, @Ctx() ctx: Context): Promise<PlaceRecord> {
    return written(ctx, (by) => updatePlace(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => DeletePayload, { description: `Deletes a place; refused while events happened there, unless cascade is true. ${DELETED}` })
  async deletePlace(@Arg('input', () => DeletePlaceInput) input: DeletePlaceInput, @Ctx() ctx: Context): Promise<DeletePayload> {
    return deletePayload(await written(ctx, (by) => deletePlace(ctx.store, by, input)));
  }

  @Authorized(WRITERS)
  @Mutation(() => Role, { description: 'Adds an office a person holds, with evidence from a stored article.' })
  createRole(@Arg('input', () => CreateRoleInput) input: CreateRoleInput, @Ctx() ctx: Context): Promise<RoleRecord> {
    return written(ctx, (by) => createRole(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => Role, { description: "Changes a role's title, whom it is held for, or its dates." })
  updateRole(@Arg('input', () => UpdateRoleInput) input: UpdateRoleInput, @Ctx() ctx: Context): Promise<RoleRecord> {
    return written(ctx, (by) => updateRole(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => DeletePayload, { description: `Deletes a role. ${DELETED}` })
  async deleteRole(@Arg('input', () => DeleteRoleInput) input: DeleteRoleInput, @Ctx() ctx: Context): Promise<DeletePayload> {
    return deletePayload(await written(ctx, (by) => deleteRole(ctx.store, by, input)));
  }

  @Authorized(WRITERS)
  @Mutation(() => Event, { description: 'Adds an event of any kind, with evidence from a stored article. The slug must be new.' })
  createEvent(@Arg('input', () => CreateEventInput) input: CreateEventInput, @Ctx() ctx: Context): Promise<EventRecord> {
    return written(ctx, (by) => createEvent(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => Event, { description: 'Changes an event; the fields of its kind only.' })
  updateEvent(@Arg('input', () => UpdateEventInput) input: UpdateEventInput, @Ctx() ctx: Context): Promise<EventRecord> {
    return written(ctx, (by) => updateEvent(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => DeletePayload, { description: `Deletes an event; a proposal with stances is refused unless cascade is true. ${DELETED}` })
  async deleteEvent(@Arg('input', () => DeleteEventInput) input: DeleteEventInput, @Ctx() ctx: Context): Promise<DeletePayload> {
    return deletePayload(await written(ctx, (by) => deleteEvent(ctx.store, by, input)));
  }

  @Authorized(WRITERS)
  @Mutation(() => Stance, { description: "Adds an actor's position on a proposal, with evidence from a stored article." })
  createStance(@Arg('input', () => CreateStanceInput) input: CreateStanceInput, @Ctx() ctx: Context): Promise<StanceRecord> {
    return written(ctx, (by) => createStance(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => Stance, { description: "Changes a stance's position or conditions." })
  updateStance(@Arg('input', () => UpdateStanceInput) input: UpdateStanceInput, @Ctx() ctx: Context): Promise<StanceRecord> {
    return written(ctx, (by) => updateStance(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => DeletePayload, { description: `Deletes a stance. ${DELETED}` })
  async deleteStance(@Arg('input', () => DeleteStanceInput) input: DeleteStanceInput, @Ctx() ctx: Context): Promise<DeletePayload> {
    return deletePayload(await written(ctx, (by) => deleteStance(ctx.store, by, input)));
  }

  @Authorized(WRITERS)
  @Mutation(() => Evidence, { description: 'Adds an evidence span of a stored article to a fact already in the graph.' })
  addEvidence(@Arg('input', () => AddEvidenceInput) input: AddEvidenceInput, @Ctx() ctx: Context): Promise<EvidenceRecord> {
    return written(ctx, (by) => addEvidence(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => Evidence, { description: 'Moves an evidence span within its article; the quote must match the new span.' })
  updateEvidence(@Arg('input', () => UpdateEvidenceInput) input: UpdateEvidenceInput, @Ctx() ctx: Context): Promise<EvidenceRecord> {
    return written(ctx, (by) => updateEvidence(ctx.store, by, input));
  }

  @Authorized(WRITERS)
  @Mutation(() => DeletePayload, { description: `Deletes an evidence span; a fact's last span is refused. ${DELETED}` })
  async deleteEvidence(@Arg('input', () => DeleteEvidenceInput) input: DeleteEvidenceInput, @Ctx() ctx: Context): Promise<DeletePayload> {
    const { key } = await written(ctx, (by) => deleteEvidence(ctx.store, by, input));
    return { deleted: [{ entity: AuditEntity.EVIDENCE, key, version: null }], updated: [] };
  }
}

/** Ids of roles, which have no slug: editing names them by these. */
@Resolver(() => Role)
export class RoleIdResolver {
  @FieldResolver(() => ID, { description: 'Names the role in updateRole, deleteRole and addEvidence.' })
  id(@Root() role: RoleRecord): string {
    return toHandle('Role', role.dbId);
  }
}

/** Ids of evidence spans, which have no slug: editing names them by these. */
@Resolver(() => Evidence)
export class EvidenceIdResolver {
  @FieldResolver(() => ID, { description: 'Names the span in updateEvidence and deleteEvidence.' })
  id(@Root() evidence: EvidenceRecord): string {
    return toHandle('Evidence', evidence.dbId);
  }
}
