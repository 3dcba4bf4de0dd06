import { IsOptional, Matches } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Actor } from '../actors/actor.types';
import { Event, SLUG_RULE, SLUG_RULE_MESSAGE } from '../events/event.types';
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

@InputType({ description: 'Narrows a list of pledges; every field given must hold.' })
export class PledgeFilter {
  @Field(() => String, { nullable: true, description: 'Only pledges this actor (slug) made as a donor.' })
  @IsOptional()
  @Matches(SLUG_RULE, { message: SLUG_RULE_MESSAGE })
  donor?: string | null;

  @Field(() => String, { nullable: true, description: 'Only pledges to this actor (slug).' })
  @IsOptional()
  @Matches(SLUG_RULE, { message: SLUG_RULE_MESSAGE })
  recipient?: string | null;
}

