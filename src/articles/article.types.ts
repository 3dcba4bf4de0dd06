import { Field, Int, ObjectType } from 'type-graphql';
import { PartialDateType } from '../common/common.types';
import { Node } from '../graphql/relay';

@ObjectType({ implements: Node, description: 'A source article; every fact in the graph points into one.' })
export class Article extends Node {
  @Field({ description: 'Stable human-readable key, e.g. "witkoff-putin-brussels".' })
  slug: string;

  @Field({ description: 'Headline.' })
  title: string;

  @Field(() => PartialDateType, { description: 'Publication date.' })
  publishedOn: PartialDateType;

  @Field(() => String, { nullable: true, description: 'Where the article was published, when known.' })
  url: string | null;

  @Field({ description: 'Full text. Evidence spans index into it (JavaScript string indices).' })
  text: string;

  @Field(() => Int, { description: 'Goes up by one each time an import changes the article.' })
  version: number;
}

@ObjectType({ description: 'The span of an article that supports a fact: text.slice(start, end) === quote.' })
export class Evidence {
  @Field(() => Article, { description: 'The article the span is in.' })
  article: Article;

  @Field(() => Int, { description: 'Index of the first character of the span (inclusive).' })
  start: number;

  @Field(() => Int, { description: 'Index just past the last character of the span (exclusive).' })
  end: number;

  @Field({ description: 'The quoted text of the span.' })
  quote: string;

  @Field(() => Int, { description: 'Goes up by one with every change; updateEvidence and deleteEvidence name the version they read.' })
  version: number;
}
