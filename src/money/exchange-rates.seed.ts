import { readFileSync } from 'node:fs';
import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsISO4217CurrencyCode, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { InvalidInputError } from '../common/errors';
import type { Database } from '../db/database';
import { flattenValidationErrors } from '../bundles/bundle.validate';

class ExchangeRateInput {
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as "EUR"' }) base: string;
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as "USD"' }) quote: string;
  @Matches(/^(0|[1-9][0-9]{0,13})(\.[0-9]{1,10})?$/, { message: 'must be a positive decimal string such as "1.0823"' })
  rate: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' }) asOf: string;
  @IsString() @IsNotEmpty() @MaxLength(500) source: string;
}

class ExchangeRatesFile {
  @IsOptional() @IsString() note?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExchangeRateInput) rates: ExchangeRateInput[];
}

/** Validates a rates file and upserts its rates (same base, quote and date: the new rate wins). */
export async function loadExchangeRates(db: Database, path: string): Promise<number> {
  const file = plainToInstance(ExchangeRatesFile, JSON.parse(readFileSync(path, 'utf8')) as object);
  const problems = flattenValidationErrors(validateSync(file, { whitelist: true, forbidNonWhitelisted: true }));
  file.rates?.forEach((r, i) => {
    if (r.base === r.quote) problems.push({ path: `rates[${i}].quote`, message: 'must differ from base' });
    if (/^[0.]+$/.test(r.rate ?? '')) problems.push({ path: `rates[${i}].rate`, message: 'must be > 0' });
  });
  if (problems.length) throw new InvalidInputError(`Invalid exchange rates in ${path}`, problems);
  const columns = [file.rates.map((r) => r.base), file.rates.map((r) => r.quote), file.rates.map((r) => r.rate), file.rates.map((r) => r.asOf), file.rates.map((r) => r.source)];
  const differing = `FROM unnest($1::text[], $2::text[], $3::numeric[], $4::date[], $5::text[]) AS r(base, quote, rate, as_of, source)
     WHERE NOT EXISTS (SELECT 1 FROM exchange_rates x
       WHERE x.base = r.base AND x.quote = r.quote AND x.as_of = r.as_of AND x.rate = r.rate AND x.source = r.source)`;
  await db.transaction(async (tx) => {
    // Seeding runs on every start: when the table already holds these rates, write nothing (a
    // write would also tell every process's response cache that the graph changed).
    const [{ n }] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n ${differing}`, columns);
    if (n === 0) return;
    await tx.query(
      `INSERT INTO exchange_rates (base, quote, rate, as_of, source) SELECT r.base, r.quote, r.rate, r.as_of, r.source ${differing}
       ON CONFLICT (base, quote, as_of) DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source`,
      columns,
    );
  });
  return file.rates.length;
}
