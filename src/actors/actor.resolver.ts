import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { EvidenceRecord } from '../articles/article.repository';
import { Evidence } from '../articles/article.types';
import { pageRequest } from '../common/pagination';
import type { EventRecord } from '../events/event.repository';
import type { Context } from '../graphql/context';
import { selects } from '../graphql/lookahead';
import { PageArgs } from '../graphql/page.args';
import { ConnectionValue } from '../graphql/relay';
import { Counterpart, MeetingConnection } from '../meetings/meeting.types';
import { Pledge } from '../pledges/pledge.types';
import { Stance } from '../proposals/proposal.types';
import type { StanceRecord } from '../proposals/stance.repository';
import { Statement } from '../statements/statement.types';
import { countActors, listActors, type ActorRecord, type CounterpartRecord, type RoleRecord } from './actor.repository';
import { Actor, ActorConnection, ActorFilter, ActorOrder, ActorOrderField, Organization, Person, Role } from './actor.types';
import { OrderDirection } from '../common/common.types';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: 'An actor by slug, e.g. "steve-witkoff".' })
  actor(@Arg('slug', () => String) slug: string, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    return loaders.actorBySlug.load(slug);
  }

  @Query(() => ActorConnection, { description: 'Actors, by name unless orderBy says otherwise.' })
  async actors(
    @Arg('filter', () => ActorFilter, { nullable: true }) filter: ActorFilter | null,
    @Arg('orderBy', () => ActorOrder, { nullable: true, description: 'Default: NAME ascending.' }) orderBy: ActorOrder | null,
    @Args() { first, after }: PageArgs,
    @Ctx() { db }: Context,
  ): Promise<ConnectionValue<ActorRecord>> {
    const order = { field: orderBy?.field ?? ActorOrderField.NAME, direction: orderBy?.direction ?? OrderDirection.ASC };
    const page = await listActors(db, filter, order, pageRequest(first, after, 2));
    return new ConnectionValue(page, () => countActors(db, filter));
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() actor: ActorRecord, @Ctx() { loaders }: Context): Promise<EvidenceRecord[]> {
    return loaders.evidence.actor.load(actor.dbId);
  }

  @FieldResolver(() => MeetingConnection, {
    description: 'Meetings this actor took part in (any status), in date order, unknown dates last.',
  })
  async meetings(
    @Root() actor: ActorRecord,
    @Args() { first, after }: PageArgs,
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<EventRecord>> {
    const request = pageRequest(first, after, 2);
    // Asked for the meetings' participants (and their roles) too: the page brings them in the same statement.
    const ahead = !selects(info, ['edges', 'node', 'participants'])
      ? '-'
      : selects(info, ['edges', 'node', 'participants', 'actor', 'roles'])
        ? 'PR'
        : 'P';
    const page = await loaders.meetingPageOfActor.load(`${actor.dbId}|${ahead}|${JSON.stringify(request)}`);
    return new ConnectionValue(page, () => loaders.meetingCountOfActor.load(actor.dbId));
  }

  @FieldResolver(() => [Counterpart], {
    description: 'Who this actor met, derived from the participants of meetings that took place; most meetings first.',
  })
  counterparts(@Root() actor: ActorRecord, @Ctx() { loaders }: Context): Promise<CounterpartRecord[]> {
    return loaders.counterparts.load(actor.dbId);
  }

  @FieldResolver(() => [Pledge], { description: 'Pledges this actor made as a donor, in date order.' })
  pledgesMade(@Root() actor: ActorRecord, @Ctx() { loaders }: Context): Promise<EventRecord[]> {
    return loaders.pledgesMadeBy.load(actor.dbId);
  }

  @FieldResolver(() => [Pledge], { description: 'Pledges made to this actor, in date order.' })
  pledgesReceived(@Root() actor: ActorRecord, @Ctx() { loaders }: Context): Promise<EventRecord[]> {
    return loaders.pledgesReceivedBy.load(actor.dbId);
  }

  @FieldResolver(() => [Statement], { description: 'What this actor said (empty for actors other than persons), in date order.' })
  statements(@Root() actor: ActorRecord, @Ctx() { loaders }: Context): Promise<EventRecord[]> {
    return loaders.statementsBy.load(actor.dbId);
  }

  @FieldResolver(() => [Stance], { description: "This actor's positions on proposals." })
  stances(@Root() actor: ActorRecord, @Ctx() { loaders }: Context): Promise<StanceRecord[]> {
    return loaders.stancesOfActor.load(actor.dbId);
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Role])
  roles(@Root() person: ActorRecord, @Ctx() { loaders }: Context): Promise<RoleRecord[]> {
    return loaders.roles.load(person.dbId);
  }
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Actor])
  members(@Root() organization: ActorRecord, @Ctx() { loaders }: Context): Promise<ActorRecord[]> {
    return loaders.members.load(organization.dbId);
  }
}

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Actor, { nullable: true })
  of(@Root() role: RoleRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> | null {
    return role.ofActorId ? loaders.actor.load(role.ofActorId) : null;
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() role: RoleRecord, @Ctx() { loaders }: Context): Promise<EvidenceRecord[]> {
    return loaders.evidence.role.load(role.dbId);
  }
}

