import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../graphql/relay';

@ObjectType({ description: 'One search result: the object itself, how well it matched, and where.' })
export class SearchHit {
  @Field(() => Node, { description: 'The actor, event, place or article found.' })
  node: Node;

  @Field(() => Float, { description: 'Relevance, higher first: 1 when the hit contains every word searched for (as stemmed, "meetings" finds "meeting"); otherwise the trigram word similarity (0.6-1) of the closest spelling it contains for its least similar word.' })
  score: number;

  @Field({ description: 'The matching text, with matched words between « and ».' })
  snippet: string;
}
