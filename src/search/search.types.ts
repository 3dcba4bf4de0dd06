import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../graphql/relay';

@ObjectType({ description: 'One search result: the object itself, how well it matched, and where.' })
export class SearchHit {
  @Field(() => Node, { description: 'The actor, event, place or article found.' })
  node: Node;

  @Field(() => Float, { description: 'Relevance: higher is better (full-text rank plus trigram word similarity).' })
  score: number;

  @Field({ description: 'The matching text, with matched words between « and ».' })
  snippet: string;
}
