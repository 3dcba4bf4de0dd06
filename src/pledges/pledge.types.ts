import { IsEnum, IsISO4217CurrencyCode, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { OrderDirection } from '../common/common.types';
import { Event, PARTIAL_FROM, PARTIAL_TO } from '../events/event.types';
import { FilterGroup, FilterNot, PartialDateFilter, SlugFilter, TextFilter } from '../graphql/filter-fields';
import { connectionOf, Node } from '../graphql/relay';

export enum AmountQualifier {
  EXACT = 'EXACT',
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  ABOUT = 'ABOUT',
}
registerEnumType(AmountQualifier, {
  name: 'AmountQualifier',
  description: 'How the source qualifies an amount: EXACT, AT_LEAST ("more than"), AT_MOST ("up to"), ABOUT.',
});

export enum MoneySource {
  REPORTED = 'REPORTED',
  CONVERTED = 'CONVERTED',
}
registerEnumType(MoneySource, {
  name: 'MoneySource',
  description: 'REPORTED: the figure an article gives. CONVERTED: computed through the rate table (see Money.rate).',
});

export enum PledgeGrouping {
  DONOR = 'DONOR',
  RECIPIENT = 'RECIPIENT',
  PURPOSE = 'PURPOSE',
  YEAR = 'YEAR',
}
registerEnumType(PledgeGrouping, { name: 'PledgeGrouping', description: 'How pledgeTotals groups pledges.' });

@ObjectType({ description: 'The exchange rate a conversion used: 1 `from` = `value` `to`.' })
export class ExchangeRate {
  @Field({ description: 'Currency converted from (ISO 4217).' })
  from: string;

  @Field({ description: 'Currency converted to (ISO 4217).' })
  to: string;

  @Field({ description: 'Units of `to` per unit of `from`, as a decimal string.' })
  value: string;

  @Field({ description: 'Date of the rate (YYYY-MM-DD).' })
  asOf: string;

  @Field({ description: 'Where the rate comes from.' })
  source: string;
}

@ObjectType({ description: 'An amount of money. Amounts are decimal strings, never floats.' })
export class Money {
  @Field({ description: 'Decimal amount, e.g. "21000000000".' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "EUR".' })
  currency: string;

  @Field(() => AmountQualifier, { description: 'How the source qualifies the amount ("more than" = AT_LEAST).' })
  qualifier: AmountQualifier;

  @Field(() => MoneySource, { description: 'Whether an article reports this figure or it was converted.' })
  source: MoneySource;

  @Field(() => ExchangeRate, { nullable: true, description: 'For CONVERTED money: the rate used, its date and its source.' })
  rate: ExchangeRate | null;
}

@ObjectType({ implements: [Event, Node], description: 'A promise of money or aid from donors to a recipient.' })
export class Pledge extends Event {
  @Field(() => [String], { description: 'What the aid is for.' })
  purposes: string[];
}

@ObjectType({ description: 'Pledges summed over one group.' })
export class PledgeTotal {
  @Field({ description: 'The group: an actor slug (DONOR, RECIPIENT), a purpose, or a year ("unknown" when undated).' })
  group: string;

  @Field(() => Actor, { nullable: true, description: 'The actor, when grouped by DONOR or RECIPIENT.' })
  actor: Actor | null;

  @Field(() => Money, { description: 'The sum in the requested currency; CONVERTED when any part was converted.' })
  total: Money;

  @Field(() => Int, { description: 'How many pledges the total sums.' })
  pledgeCount: number;

  @Field({ description: 'The part of the total that articles report in this currency, as a decimal string.' })
  reportedAmount: string;

  @Field({ description: 'The part of the total converted through the rate table, as a decimal string.' })
  convertedAmount: string;
}

export const PledgeConnection = connectionOf('Pledge', Pledge, 'pledge');

@InputType({ description: 'An amount of money to compare pledges with, in any currency of the rate table.' })
export class MoneyInput {
  @Field({ description: 'Decimal amount, e.g. "1000000000".' })
  @Matches(/^(0|[1-9][0-9]{0,17})(\.[0-9]{1,6})?$/, { message: 'must be a non-negative decimal string such as "1000000000"' })
  amount: string;

  @Field({ description: 'ISO 4217 currency code, e.g. "USD".' })
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as "USD"' })
  currency: string;
}

@InputType({ description: 'Narrows a list of pledges. Fields given combine with AND; and / or / not group other filters.' })
export class PledgeFilter {
  @SlugFilter('Made by this donor (slug).')
  donor?: string | null;

  @SlugFilter('Made to this recipient (slug).')
  recipient?: string | null;

  @TextFilter('One of its purposes contains this text (case-insensitive), e.g. "air defense".')
  purpose?: string | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description: 'Worth at least this much in its currency (the reported figure in that currency, else converted).',
  })
  @IsOptional()
  @ValidateNested()
  minAmount?: MoneyInput | null;

  @SlugFilter('At this place (slug).')
  place?: string | null;

  @PartialDateFilter(PARTIAL_FROM)
  from?: string | null;

  @PartialDateFilter(PARTIAL_TO)
  to?: string | null;

  @SlugFilter('Reported by this article (slug).')
  article?: string | null;

  @FilterGroup('and', () => PledgeFilter)
  and?: PledgeFilter[] | null;

  @FilterGroup('or', () => PledgeFilter)
  or?: PledgeFilter[] | null;

  @FilterNot(() => PledgeFilter)
  not?: PledgeFilter | null;
}

export enum PledgeOrderField {
  DATE = 'DATE',
  TITLE = 'TITLE',
  AMOUNT = 'AMOUNT',
}
registerEnumType(PledgeOrderField, {
  name: 'PledgeOrderField',
  description: 'DATE (chronological), TITLE (alphabetical) or AMOUNT (in the currency the order names).',
});

@InputType({ description: 'How to order pledges; ties are broken by id, so cursors stay stable.' })
export class PledgeOrder {
  @Field(() => PledgeOrderField, { description: 'What to order by.' })
  @IsEnum(PledgeOrderField)
  field: PledgeOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'ASC (default) or DESC.' })
  @IsEnum(OrderDirection)
  direction: OrderDirection;

  @Field(() => String, {
    nullable: true,
    description: 'AMOUNT only (required there): the ISO 4217 currency amounts are compared in; pledges no rate converts sort as the smallest.',
  })
  @IsOptional()
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as "USD"' })
  currency?: string | null;
}
