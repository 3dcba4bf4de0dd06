import { IsOptional, Matches } from 'class-validator';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Event, SLUG_RULE, SLUG_RULE_MESSAGE } from '../events/event.types';
import { connectionOf, Node } from '../graphql/relay';

export enum StatementMode {
  DIRECT = 'DIRECT',
  INDIRECT = 'INDIRECT',
}
registerEnumType(StatementMode, {
  name: 'StatementMode',
  description: 'DIRECT: the speaker\'s own words in quotation marks. INDIRECT: what the article reports they said.',
});

@ObjectType({ implements: [Event, Node], description: 'Something a person said, with the words the article gives.' })
export class Statement extends Event {
  @Field({ description: 'The words, exactly as the article gives them (without the quotation marks).' })
  quote: string;

  @Field(() => StatementMode, { description: 'Whether the quote is direct speech or reported speech.' })
  mode: StatementMode;
}

export const StatementConnection = connectionOf('Statement', Statement, 'statement');

@InputType({ description: 'Narrows a list of statements; every field given must hold.' })
export class StatementFilter {
  @Field(() => String, { nullable: true, description: 'Only statements by this person (slug).' })
  @IsOptional()
  @Matches(SLUG_RULE, { message: SLUG_RULE_MESSAGE })
  speaker?: string | null;

  @Field(() => String, { nullable: true, description: 'Only statements about this actor (slug).' })
  @IsOptional()
  @Matches(SLUG_RULE, { message: SLUG_RULE_MESSAGE })
  about?: string | null;
}
