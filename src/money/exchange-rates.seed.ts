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
  await db.transaction(async (tx) => {
    for (const r of file.rates) {
      await tx.query(
        `INSERT INTO exchange_rates (base, quote, rate, as_of, source) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (base, quote, as_of) DO UPDATE SET rate = EXCLUDED.rate, source = EXCLUDED.source`,
        [r.base, r.quote, r.rate, r.asOf, r.source],
      );
    }
  });
  return file.rates.length;
}
