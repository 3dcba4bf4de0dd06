import { IsOptional } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../common/pagination';

/** `first` / `after` of every connection; checked (0..100, a known cursor) by pageRequest. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return: 0-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  @IsOptional()
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an edge cursor or pageInfo.endCursor).' })
  @IsOptional()
  after?: string | null;
}
