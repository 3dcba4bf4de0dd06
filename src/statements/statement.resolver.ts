import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Actor, Person } from '../actors/actor.types';
import { eventConnection, ofKinds, orderOf } from '../events/event.resolver';
import { EventOrder } from '../events/event.types';
import type { EventRecord } from '../events/event.repository';
import { loadAll, type Context } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import type { ConnectionValue } from '../graphql/relay';
import { Statement, StatementConnection, StatementFilter } from './statement.types';

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => StatementConnection, { description: 'Statements (who said what), in date order (unknown dates last) unless orderBy says otherwise.' })
  statements(
    @Arg('filter', () => StatementFilter, { nullable: true }) filter: StatementFilter | null,
    @Arg('orderBy', () => EventOrder, { nullable: true, description: 'Default: DATE ascending.' }) orderBy: EventOrder | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<EventRecord>> {
    return eventConnection(ctx, ofKinds(['STATEMENT'], filter), page, orderOf(orderBy));
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
