import Decimal from 'decimal.js';
import type { AmountRecord } from './money.repository';

/** Money as served: a decimal string, never a float; CONVERTED money names the rate it used. */
export interface MoneyValue {
  amount: string;
  currency: string;
  qualifier: string;
  source: 'REPORTED' | 'CONVERTED';
  rate: AppliedRate | null;
}

/** The rate (or chain of rates through a common currency) a conversion used: 1 from = value to. */
export interface AppliedRate {
  from: string;
  to: string;
  value: string;
  asOf: string;
  source: string;
}

/** Inverted and chained rates are computed in full (SQL numeric) and served to 12 significant digits. */
const RATE_DIGITS = 12;

export function formatRate(value: string): string {
  return new Decimal(value).toSignificantDigits(RATE_DIGITS).toFixed();
}

/** numeric(…, 6) comes back as "21000000000.000000"; clients get "21000000000". */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

export function reported(amount: AmountRecord): MoneyValue {
  return { amount: amount.amount, currency: amount.currency, qualifier: amount.qualifier, source: 'REPORTED', rate: null };
}

/** The qualifier of a sum: the loosest of its parts ("at least" plus "exactly" is "at least"). */
export function combineQualifiers(qualifiers: string[]): string {
  const set = new Set(qualifiers);
  if (set.size <= 1) return qualifiers[0] ?? 'EXACT';
  if (set.has('ABOUT') || (set.has('AT_LEAST') && set.has('AT_MOST'))) return 'ABOUT';
  if (set.has('AT_LEAST')) return 'AT_LEAST';
  if (set.has('AT_MOST')) return 'AT_MOST';
  return 'EXACT';
}
