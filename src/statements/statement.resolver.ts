import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Actor, Person } from '../actors/actor.types';
import { eventConnection } from '../events/event.resolver';
import type { EventRecord } from '../events/event.repository';
import { loadAll, type Context } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import type { ConnectionValue } from '../graphql/relay';
import { Statement, StatementConnection, StatementFilter } from './statement.types';

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => StatementConnection, { description: 'Statements (who said what) in date order, unknown dates last.' })
  statements(
    @Arg('filter', () => StatementFilter, { nullable: true }) filter: StatementFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<EventRecord>> {
    const participants = [];
    if (filter?.speaker) participants.push({ actor: filter.speaker, roles: ['speaker'] });
    if (filter?.about) participants.push({ actor: filter.about, roles: ['subject'] });
    return eventConnection(ctx, { kinds: ['STATEMENT'], participants }, page);
  }

  @FieldResolver(() => Person, { description: 'Who said it.' })
  async speaker(@Root() statement: EventRecord, @Ctx() { loaders }: Context): Promise<ActorRecord | null> {
    const speaker = (await loaders.participations.load(statement.dbId)).find((p) => p.role === 'speaker');
    return speaker ? loaders.actor.load(speaker.actorId) : null;
  }

  @FieldResolver(() => [Actor], { description: 'Whom or what the statement is about.' })
  async about(@Root() statement: EventRecord, @Ctx() { loaders }: Context): Promise<ActorRecord[]> {
    const subjects = (await loaders.participations.load(statement.dbId)).filter((p) => p.role === 'subject');
    return loadAll(loaders.actor, subjects.map((p) => p.actorId));
  }
}
