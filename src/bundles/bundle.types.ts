import { Field, Int, ObjectType } from 'type-graphql';
import { Article } from '../articles/article.types';

@ObjectType({ description: 'How many items an imported bundle holds.' })
export class BundleCounts {
  @Field(() => Int, { description: 'Actors.' }) actors: number;
  @Field(() => Int, { description: 'Places.' }) places: number;
  @Field(() => Int, { description: 'Roles.' }) roles: number;
  @Field(() => Int, { description: 'Events.' }) events: number;
  @Field(() => Int, { description: 'Stances.' }) stances: number;
  @Field(() => Int, { description: 'Evidence spans.' }) evidence: number;
}

@ObjectType({ description: 'What importing an article bundle did.' })
export class ImportArticlePayload {
  @Field(() => Article, { description: 'The article, as stored now.' })
  article: Article;

  @Field({ description: 'False when the same bundle was imported before: nothing was written.' })
  changed: boolean;

  @Field(() => Int, { description: 'Facts (actors, places, roles, events, stances) the import added to the graph.' })
  created: number;

  @Field(() => Int, { description: 'Facts already in the graph that the import changed (their version went up).' })
  updated: number;

  @Field(() => Int, { description: 'Facts removed because no article supports them any more.' })
  deleted: number;

  @Field(() => BundleCounts, { description: 'What the bundle holds.' })
  counts: BundleCounts;
}
