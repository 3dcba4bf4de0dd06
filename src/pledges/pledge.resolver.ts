import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ActorRecord } from '../actors/actor.repository';
import { Actor, Person } from '../actors/actor.types';
import { eventConnection, ofKinds, orderOf } from '../events/event.resolver';
import { badArgument } from '../common/errors';
import type { EventRecord } from '../events/event.repository';
import { loadAll, type Context } from '../graphql/context';
import { PageArgs } from '../graphql/page.args';
import type { ConnectionValue } from '../graphql/relay';
import type { EvidenceRecord } from '../articles/article.repository';
import { Evidence } from '../articles/article.types';
import { reported, type MoneyValue } from '../money/money.service';
import { pledgeAmountIn, pledgeTotals, type PledgeTotalValue } from './pledge.service';
import { Money, Pledge, PledgeConnection, PledgeFilter, PledgeGrouping, PledgeOrder, PledgeOrderField, PledgeTotal } from './pledge.types';

async function actorsInRole(ctx: Context, pledge: EventRecord, role: string): Promise<ActorRecord[]> {
  const participations = await ctx.loaders.participations.load(pledge.dbId);
  return loadAll(ctx.loaders.actor, participations.filter((p) => p.role === role).map((p) => p.actorId));
}

@Resolver(() => Pledge)
export class PledgeResolver {
  @Query(() => PledgeConnection, {
    description: 'Pledges, in date order (unknown dates last) unless orderBy says otherwise (e.g. AMOUNT in USD, largest first).',
  })
  pledges(
    @Arg('filter', () => PledgeFilter, { nullable: true }) filter: PledgeFilter | null,
    @Arg('orderBy', () => PledgeOrder, { nullable: true, description: 'Default: DATE ascending.' }) orderBy: PledgeOrder | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionValue<EventRecord>> {
    if (orderBy?.field === PledgeOrderField.AMOUNT && !orderBy.currency) {
      throw badArgument('orderBy.currency', 'is required when ordering by AMOUNT');
    }
    return eventConnection(ctx, ofKinds(['PLEDGE'], filter), page, orderOf(orderBy));
  }

  @Query(() => [PledgeTotal], {
    description:
      'Pledges summed per donor, recipient, purpose or year in one currency, largest first. Each pledge counts at the figure an article reports in that currency, else converted through the rate table; reportedAmount and convertedAmount say how much of each total is which. A pledge with several donors or purposes counts in full in each group.',
  })
  pledgeTotals(
    @Arg('groupBy', () => PledgeGrouping) groupBy: PledgeGrouping,
    @Arg('currency', () => String, { description: 'ISO 4217 code, e.g. "USD".' }) currency: string,
    @Arg('filter', () => PledgeFilter, { nullable: true, description: 'Only the pledges this filter keeps.' }) filter: PledgeFilter | null,
    @Ctx() ctx: Context,
  ): Promise<PledgeTotalValue[]> {
    return pledgeTotals(ctx, groupBy, currency, filter);
  }

  @FieldResolver(() => [Actor], { description: 'Who pledged.' })
  donors(@Root() pledge: EventRecord, @Ctx() ctx: Context): Promise<ActorRecord[]> {
    return actorsInRole(ctx, pledge, 'donor');
  }

  @FieldResolver(() => Actor, { description: 'Who the pledge is to.' })
  async recipient(@Root() pledge: EventRecord, @Ctx() ctx: Context): Promise<ActorRecord> {
    const [recipient] = await actorsInRole(ctx, pledge, 'recipient');
    return recipient;
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Who announced the pledge, when the article says.' })
  async announcedBy(@Root() pledge: EventRecord, @Ctx() ctx: Context): Promise<ActorRecord | null> {
    const [announcer] = await actorsInRole(ctx, pledge, 'announcer');
    return announcer ?? null;
  }

  @FieldResolver(() => Money, { description: 'The amount as the article states it (e.g. more than EUR 21 billion).' })
  async amount(@Root() pledge: EventRecord, @Ctx() { loaders }: Context): Promise<MoneyValue> {
    const amounts = await loaders.amounts.load(pledge.dbId);
    return reported(amounts.find((a) => a.isPrimary) ?? amounts[0]);
  }

  @FieldResolver(() => [Money], { description: 'The stated amount and every equivalent the article itself reports.' })
  async reportedAmounts(@Root() pledge: EventRecord, @Ctx() { loaders }: Context): Promise<MoneyValue[]> {
    return (await loaders.amounts.load(pledge.dbId)).map(reported);
  }

  @FieldResolver(() => Money, {
    nullable: true,
    description:
      "The amount in a currency: the article's own figure when it reports one (source REPORTED), otherwise converted through the rate table (source CONVERTED, with the rate); null when no rate connects the currencies.",
  })
  amountIn(
    @Root() pledge: EventRecord,
    @Arg('currency', () => String, { description: 'ISO 4217 code, e.g. "USD".' }) currency: string,
    @Ctx() ctx: Context,
  ): Promise<MoneyValue | null> {
    return pledgeAmountIn(ctx, pledge, currency);
  }

  @FieldResolver(() => [Evidence], { description: 'Spans that report the reported equivalents of the amount.' })
  async amountEvidence(@Root() pledge: EventRecord, @Ctx() { loaders }: Context): Promise<EvidenceRecord[]> {
    const amounts = await loaders.amounts.load(pledge.dbId);
    return (await loadAll(loaders.evidence.amount, amounts.map((a) => a.dbId))).flat();
  }
}

