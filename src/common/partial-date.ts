/**
 * Dates as news reports them: a year, a month or a day ("2022", "2025-04", "2025-04-11").
 * Stored as three nullable columns so that partial dates sort and filter in SQL.
 */
export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDateParts {
  year: number;
  month: number | null;
  day: number | null;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; returns a reason string when the text is not a real date. */
export function parsePartialDate(text: string): PartialDateParts | string {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD';
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (year < 1) return 'must have a year from 0001';
  if (month !== null && (month < 1 || month > 12)) return `has no month ${m[2]}`;
  if (month !== null && day !== null) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) return `is not a real date: ${text} (month ${m[2]} has ${last} days)`;
  }
  return { year, month, day };
}

export function precisionOf(parts: PartialDateParts): DatePrecision {
  return parts.day !== null ? 'DAY' : parts.month !== null ? 'MONTH' : 'YEAR';
}

export function formatPartialDate(parts: PartialDateParts): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [String(parts.year).padStart(4, '0'), parts.month && pad(parts.month), parts.day && pad(parts.day)]
    .filter(Boolean)
    .join('-');
}

/** A partial date as served: its parts and how precise it is. */
export interface PartialDate extends PartialDateParts {
  precision: DatePrecision;
  iso: string;
}

/** From three nullable columns; null when the year is unknown. */
export function toPartialDate(year: number | null, month: number | null, day: number | null): PartialDate | null {
  if (year === null) return null;
  const parts = { year, month, day };
  return { ...parts, precision: precisionOf(parts), iso: formatPartialDate(parts) };
}
