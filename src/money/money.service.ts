import Decimal from 'decimal.js';
import type { AmountRecord, RateRecord } from './money.repository';

/** Money as served: a decimal string, never a float; CONVERTED money names the rate it used. */
export interface MoneyValue {
  amount: string;
  currency: string;
  qualifier: string;
  source: 'REPORTED' | 'CONVERTED';
  rate: AppliedRate | null;
}

/** The rate (or chain of rates through a common currency) a conversion used. */
export interface AppliedRate {
  from: string;
  to: string;
  /** 1 from = value to. */
  value: string;
  asOf: string;
  source: string;
}

const MINOR_UNIT_DIGITS = 2;

export function reported(amount: AmountRecord): MoneyValue {
  return { amount: amount.amount, currency: amount.currency, qualifier: amount.qualifier, source: 'REPORTED', rate: null };
}

/**
 * The amount in `currency`: the article's own figure when it reports one in that currency
 * (REPORTED), otherwise the stated amount converted through the rate table (CONVERTED), or null
 * when no rate connects the two currencies.
 */
export function amountIn(
  amounts: AmountRecord[],
  currency: string,
  ratesOf: (currency: string) => RateRecord[],
  onDate: string | null,
): MoneyValue | null {
  const same = amounts.find((a) => a.currency === currency);
  if (same) return reported(same);
  const primary = amounts.find((a) => a.isPrimary) ?? amounts[0];
  if (!primary) return null;
  const rate = findRate(primary.currency, currency, ratesOf, onDate);
  if (!rate) return null;
  return {
    amount: new Decimal(primary.amount).times(rate.value).toDecimalPlaces(MINOR_UNIT_DIGITS).toFixed(),
    currency,
    qualifier: primary.qualifier,
    source: 'CONVERTED',
    rate,
  };
}

/**
 * A rate from one currency to another: direct, inverted, or chained through one common currency.
 * Of several dates, the one nearest to onDate wins (the latest when onDate is unknown).
 */
export function findRate(
  from: string,
  to: string,
  ratesOf: (currency: string) => RateRecord[],
  onDate: string | null,
): AppliedRate | null {
  const direct = nearest(pairRates(from, to, ratesOf(from)), onDate);
  if (direct) return rounded(direct);
  const fromRates = ratesOf(from);
  const toRates = ratesOf(to);
  const via = new Set(fromRates.map((r) => (r.base === from ? r.quote : r.base)));
  let best: AppliedRate | null = null;
  for (const middle of [...via].sort()) {
    const first = nearest(pairRates(from, middle, fromRates), onDate);
    const second = nearest(pairRates(middle, to, toRates), onDate);
    if (!first || !second) continue;
    const chained: AppliedRate = {
      from,
      to,
      value: new Decimal(first.value).times(second.value).toFixed(),
      asOf: first.asOf < second.asOf ? first.asOf : second.asOf,
      source: `${first.source}; ${second.source} (via ${middle})`,
    };
    if (!best || distance(chained.asOf, onDate) < distance(best.asOf, onDate)) best = chained;
  }
  return best && rounded(best);
}

/** Inverted and chained rates are computed in full and served to 12 significant digits. */
const RATE_DIGITS = 12;
function rounded(rate: AppliedRate): AppliedRate {
  return { ...rate, value: new Decimal(rate.value).toSignificantDigits(RATE_DIGITS).toFixed() };
}

function pairRates(from: string, to: string, rates: RateRecord[]): AppliedRate[] {
  const out: AppliedRate[] = [];
  for (const r of rates) {
    if (r.base === from && r.quote === to) out.push({ from, to, value: r.rate, asOf: r.asOf, source: r.source });
    else if (r.base === to && r.quote === from) {
      out.push({ from, to, value: new Decimal(1).dividedBy(r.rate).toFixed(), asOf: r.asOf, source: `${r.source} (inverted)` });
    }
  }
  return out;
}

function distance(asOf: string, onDate: string | null): number {
  if (!onDate) return -Date.parse(asOf);
  return Math.abs(Date.parse(asOf) - Date.parse(onDate));
}

function nearest(rates: AppliedRate[], onDate: string | null): AppliedRate | null {
  let best: AppliedRate | null = null;
  for (const rate of rates) if (!best || distance(rate.asOf, onDate) < distance(best.asOf, onDate)) best = rate;
  return best;
}

/** Sums money values of one currency; the total keeps the loosest qualifier of its parts. */
export function sumMoney(values: MoneyValue[], currency: string): MoneyValue {
  const total = values.reduce((acc, v) => acc.plus(v.amount), new Decimal(0));
  const qualifiers = new Set(values.map((v) => v.qualifier));
  const qualifier =
    qualifiers.size <= 1 ? (values[0]?.qualifier ?? 'EXACT')
    : qualifiers.has('ABOUT') || (qualifiers.has('AT_LEAST') && qualifiers.has('AT_MOST')) ? 'ABOUT'
    : qualifiers.has('AT_LEAST') ? 'AT_LEAST'
    : qualifiers.has('AT_MOST') ? 'AT_MOST'
    : 'EXACT';
  const rates = values.flatMap((v) => (v.rate ? [v.rate] : []));
  const oneRate = rates.length > 0 && rates.every((r) => JSON.stringify(r) === JSON.stringify(rates[0]));
  return {
    amount: total.toFixed(),
    currency,
    qualifier,
    source: rates.length ? 'CONVERTED' : 'REPORTED',
    // A sum converted at several rates names none; its parts name theirs.
    rate: oneRate ? rates[0] : null,
  };
}
