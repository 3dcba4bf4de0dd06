import type { Money, PartialDate } from './types';

const QUALIFIER: Record<Money['qualifier'], string> = { EXACT: '', AT_LEAST: 'more than ', AT_MOST: 'up to ', ABOUT: 'about ' };
const SCALES: Array<[number, string]> = [[12, 'trillion'], [9, 'billion'], [6, 'million']];

/**
 * "21000000000" EUR AT_LEAST -> "more than €21 billion". Works on the decimal string (money is
 * never a binary float here): the digits are shifted, not divided.
 */
export function formatMoney(money: Pick<Money, 'amount' | 'currency' | 'qualifier'>): string {
  return `${QUALIFIER[money.qualifier]}${formatAmount(money.amount, money.currency)}`;
}

export function formatAmount(amount: string, currency: string): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace(/^[-+]/, '').split('.');
  const digits = whole.replace(/^0+(?=\d)/, '');
  const symbol = currencySymbol(currency);
  const sign = negative ? '-' : '';
  for (const [exponent, word] of SCALES) {
    if (digits.length > exponent) {
      const head = digits.slice(0, digits.length - exponent);
      const tail = (digits.slice(digits.length - exponent) + fraction).slice(0, 3).replace(/0+$/, '');
      return `${sign}${symbol}${group(head)}${tail ? `.${tail}` : ''} ${word}`;
    }
  }
  const cents = fraction.replace(/0+$/, '') ? `.${fraction.padEnd(2, '0').slice(0, 2)}` : '';
  return `${sign}${symbol}${group(digits)}${cents}`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    const symbol = parts.find((part) => part.type === 'currency')?.value ?? currency;
    return /^[A-Z]{3}$/.test(symbol) ? `${symbol} ` : symbol;
  } catch {
    return `${currency} `;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A partial date as precise as it is: "11 April 2025", "April 2025", "2022", or "date unknown". */
export function formatDate(date: Pick<PartialDate, 'year' | 'month' | 'day'> | null | undefined): string {
  if (!date) return 'date unknown';
  if (date.month == null) return String(date.year);
  const month = MONTHS[date.month - 1] ?? String(date.month);
  return date.day == null ? `${month} ${date.year}` : `${date.day} ${month} ${date.year}`;
}

/** First and last day (yyyymmdd) a partial date may mean, for date-range filters. */
export function dateRange(date: Pick<PartialDate, 'year' | 'month' | 'day'> | null | undefined): [number, number] | null {
  if (!date) return null;
  const base = date.year * 10000;
  if (date.month == null) return [base + 101, base + 1231];
  if (date.day == null) return [base + date.month * 100 + 1, base + date.month * 100 + 31];
  const day = base + date.month * 100 + date.day;
  return [day, day];
}

/** 3 -> "3rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export function titleCase(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
}
