import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DatePrecisionEnum {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(DatePrecisionEnum, { name: 'DatePrecision', description: 'How much of a date is known.' });

@ObjectType('PartialDate', {
  description:
    'A date as precise as the source: a day, a month or a year. Relative dates ("Friday") are resolved against the article\'s publication date.',
})
export class PartialDateType {
  @Field(() => Int, { description: 'The year.' })
  year: number;

  @Field(() => Int, { nullable: true, description: 'The month, 1-12, when known.' })
  month: number | null;

  @Field(() => Int, { nullable: true, description: 'The day of the month, when known.' })
  day: number | null;

  @Field(() => DatePrecisionEnum, { description: 'DAY, MONTH or YEAR: which parts are known.' })
  precision: DatePrecisionEnum;

  @Field({ description: 'ISO 8601 text of the known parts: "2025-04-11", "2025-04" or "2022".' })
  iso: string;
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Ascending or descending.' });
export enum EventKindEnum {
  MEETING = 'MEETING',
  GATHERING = 'GATHERING',
  PLEDGE = 'PLEDGE',
  STATEMENT = 'STATEMENT',
  PROPOSAL = 'PROPOSAL',
  ACTION = 'ACTION',
}
registerEnumType(EventKindEnum, { name: 'EventKind', description: 'What sort of event.' });

