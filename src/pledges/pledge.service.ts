import Decimal from 'decimal.js';
import type { ActorRecord } from '../actors/actor.repository';
import { badArgument } from '../common/errors';
import { allEventsOfKind, type EventRecord } from '../events/event.repository';
import type { Context } from '../graphql/context';
import type { AmountRecord, RateRecord } from '../money/money.repository';
import { amountIn, sumMoney, type MoneyValue } from '../money/money.service';

export const CURRENCY_RULE = /^[A-Z]{3}$/;

export function checkCurrency(currency: string, path = 'currency'): void {
  if (!CURRENCY_RULE.test(currency)) throw badArgument(path, `must be an ISO 4217 currency code such as "USD", got "${currency}"`);
}

/** The date a rate should be nearest to: the event's, taken mid-period when only partly known. */
export function rateDateOf(event: EventRecord): string | null {
  const date = event.date;
  if (!date) return null;
  if (date.precision === 'DAY') return date.iso;
  if (date.precision === 'MONTH') return `${date.iso}-15`;
  return `${date.iso}-07-01`;
}

/** Rates for the currencies named, loaded in one batch; a lookup function for money.service. */
async function ratesFor(ctx: Context, currencies: string[]): Promise<(currency: string) => RateRecord[]> {
  const unique = [...new Set(currencies)];
  const lists = await ctx.loaders.rates.loadMany(unique);
  const byCurrency = new Map<string, RateRecord[]>();
  unique.forEach((currency, i) => {
    const list = lists[i];
    if (list instanceof Error) throw list;
    byCurrency.set(currency, list);
  });
  return (currency) => byCurrency.get(currency) ?? [];
}

/** A pledge's amount in a currency: the reported figure when there is one, else converted. */
export async function pledgeAmountIn(ctx: Context, pledge: EventRecord, currency: string): Promise<MoneyValue | null> {
  checkCurrency(currency);
  const amounts = await ctx.loaders.amounts.load(pledge.dbId);
  const ratesOf = await ratesFor(ctx, [...amounts.map((a) => a.currency), currency]);
  return amountIn(amounts, currency, ratesOf, rateDateOf(pledge));
}

export interface PledgeTotalValue {
  group: string;
  actor: ActorRecord | null;
  total: MoneyValue;
  pledgeCount: number;
  reportedAmount: string;
  convertedAmount: string;
}

export type Grouping = 'DONOR' | 'RECIPIENT' | 'PURPOSE' | 'YEAR';

/**
 * Sums every pledge per group in one currency. A pledge with several donors (or purposes) counts
 * in full in each of their groups, so group totals can add up to more than the grand total.
 */
export async function pledgeTotals(ctx: Context, groupBy: Grouping, currency: string): Promise<PledgeTotalValue[]> {
  checkCurrency(currency);
  const pledges = await allEventsOfKind(ctx.db, 'PLEDGE');
  const ids = pledges.map((p) => p.dbId);
  const [amountLists, participationLists] = await Promise.all([
    ctx.loaders.amounts.loadMany(ids),
    groupBy === 'DONOR' || groupBy === 'RECIPIENT' ? ctx.loaders.participations.loadMany(ids) : Promise.resolve([]),
  ]);
  const amountsOf = (i: number) => {
    const list = amountLists[i];
    if (list instanceof Error) throw list;
    return list as AmountRecord[];
  };
  const ratesOf = await ratesFor(ctx, [...pledges.flatMap((_, i) => amountsOf(i).map((a) => a.currency)), currency]);

  const groups = new Map<string, { values: MoneyValue[]; actorId: string | null }>();
  pledges.forEach((pledge, i) => {
    const value = amountIn(amountsOf(i), currency, ratesOf, rateDateOf(pledge));
    if (!value) {
      const from = amountsOf(i)[0]?.currency ?? '?';
      throw badArgument('currency', `no exchange rate connects ${from} to ${currency} (pledge "${pledge.slug}")`);
    }
    let keys: { key: string; actorId: string | null }[];
    if (groupBy === 'PURPOSE') keys = (pledge.purposes.length ? pledge.purposes : ['unspecified']).map((key) => ({ key, actorId: null }));
    else if (groupBy === 'YEAR') keys = [{ key: pledge.date ? String(pledge.date.year) : 'unknown', actorId: null }];
    else {
      const role = groupBy === 'DONOR' ? 'donor' : 'recipient';
      const list = participationLists[i];
      if (list instanceof Error) throw list;
      keys = (list ?? []).filter((p) => p.role === role).map((p) => ({ key: p.actorId, actorId: p.actorId }));
    }
    for (const { key, actorId } of keys) {
      const group = groups.get(key) ?? { values: [], actorId };
      group.values.push(value);
      groups.set(key, group);
    }
  });

  const actorIds = [...groups.values()].map((g) => g.actorId).filter((id): id is string => id !== null);
  const actors = new Map((await ctx.loaders.actor.loadMany(actorIds)).filter((a): a is ActorRecord => !!a && !(a instanceof Error)).map((a) => [a.dbId, a]));
  const part = (values: MoneyValue[], source: MoneyValue['source']) =>
    values.filter((v) => v.source === source).reduce((sum, v) => sum.plus(v.amount), new Decimal(0)).toFixed();
  const totals = [...groups.entries()].map(([key, { values, actorId }]) => {
    const actor = actorId ? (actors.get(actorId) ?? null) : null;
    return {
      group: actor ? actor.slug : key,
      actor,
      total: sumMoney(values, currency),
      pledgeCount: values.length,
      reportedAmount: part(values, 'REPORTED'),
      convertedAmount: part(values, 'CONVERTED'),
    };
  });
  return totals.sort((a, b) => new Decimal(b.total.amount).comparedTo(a.total.amount) || a.group.localeCompare(b.group));
}
