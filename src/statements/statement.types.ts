import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Event, PARTIAL_FROM, PARTIAL_TO } from '../events/event.types';
import { FilterGroup, FilterNot, PartialDateFilter, SlugFilter, TextFilter } from '../graphql/filter-fields';
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

@InputType({ description: 'Narrows a list of statements. Fields given combine with AND; and / or / not group other filters.' })
export class StatementFilter {
  @SlugFilter('Said by this person (slug).')
  speaker?: string | null;

  @SlugFilter('About this actor (slug).')
  about?: string | null;

  @TextFilter('Words of the quote or title (full-text, English stemming: "sanction" finds "sanctions").')
  words?: string | null;

  @PartialDateFilter(PARTIAL_FROM)
  from?: string | null;

  @PartialDateFilter(PARTIAL_TO)
  to?: string | null;

  @SlugFilter('Reported by this article (slug).')
  article?: string | null;

  @FilterGroup('and', () => StatementFilter)
  and?: StatementFilter[] | null;

  @FilterGroup('or', () => StatementFilter)
  or?: StatementFilter[] | null;

  @FilterNot(() => StatementFilter)
  not?: StatementFilter | null;
}
