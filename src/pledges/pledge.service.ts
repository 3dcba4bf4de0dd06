import type { ActorRecord } from '../actors/actor.repository';
import { badArgument } from '../common/errors';
import type { EventFilterParams, EventRecord } from '../events/event.repository';
import { loadAll, type Context } from '../graphql/context';
import { combineQualifiers, formatRate, trimDecimal, type MoneyValue } from '../money/money.service';
import { pledgeTotals as pledgeTotalRows, type PledgeGroupingKey } from './pledge.repository';

export const CURRENCY_RULE = /^[A-Z]{3}$/;

export function checkCurrency(currency: string, path = 'currency'): void {
  if (!CURRENCY_RULE.test(currency)) throw badArgument(path, `must be an ISO 4217 currency code such as "USD", got "${currency}"`);
}

/** A pledge's amount in a currency: the reported figure when there is one, else converted. */
export function pledgeAmountIn(ctx: Context, pledge: EventRecord, currency: string): Promise<MoneyValue | null> {
  checkCurrency(currency);
  return ctx.loaders.amountIn.load(`${pledge.dbId}|${currency}`);
}

export interface PledgeTotalValue {
  group: string;
  actor: ActorRecord | null;
  total: MoneyValue;
  pledgeCount: number;
  reportedAmount: string;
  convertedAmount: string;
}

/**
 * Pledge totals per group in one currency. Refuses (naming a pledge) when some pledge has no rate
 * to the currency, rather than silently leaving it out of the sum.
 */
export async function pledgeTotals(
  ctx: Context,
  groupBy: PledgeGroupingKey,
  currency: string,
  filter: EventFilterParams | null,
): Promise<PledgeTotalValue[]> {
  checkCurrency(currency);
  const rows = await pledgeTotalRows(ctx.db, groupBy, currency, filter);
  const unconvertible = rows.find((row) => row.unconvertible)?.unconvertible;
  if (unconvertible) throw badArgument('currency', `no exchange rate converts pledge "${unconvertible}" to ${currency}`);
  const actorIds = rows.flatMap((row) => (row.actor_id ? [row.actor_id] : []));
  const actors = new Map((await loadAll(ctx.loaders.actor, actorIds)).map((a) => [a.dbId, a]));
  return rows.map((row) => {
    const actor = row.actor_id ? (actors.get(row.actor_id) ?? null) : null;
    const converted = row.converted !== '0';
    return {
      group: actor ? actor.slug : row.group_key,
      actor,
      pledgeCount: row.pledge_count,
      reportedAmount: trimDecimal(row.reported),
      convertedAmount: trimDecimal(row.converted),
      total: {
        amount: trimDecimal(row.total ?? '0'),
        currency,
        qualifier: combineQualifiers(row.qualifiers),
        source: converted ? 'CONVERTED' : 'REPORTED',
        // A sum converted at several rates names none; its pledges name theirs.
        rate:
          converted && row.one_rate && row.rate
            ? { from: row.from_currency as string, to: currency, value: formatRate(row.rate), asOf: row.rate_as_of as string, source: row.rate_source as string }
            : null,
      },
    };
  });
}
