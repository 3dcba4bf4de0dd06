import { Field, Int, ObjectType } from 'type-graphql';
import { Country } from '../actors/actor.types';
import { Evidence } from '../articles/article.types';
import { Node } from '../graphql/relay';

@ObjectType({ implements: Node, description: 'A place where events happen, e.g. St. Petersburg.' })
export class Place extends Node {
  @Field({ description: 'Stable human-readable key, e.g. "st-petersburg".' })
  slug: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => Country, { nullable: true, description: 'The country it is in, when known.' })
  country: Country | null;

  @Field(() => [Evidence], { description: 'Spans of articles that name the place.' })
  evidence: Evidence[];

  @Field(() => Int, { description: 'Goes up by one with every change; updatePlace and deletePlace name the version they read.' })
  version: number;
}
