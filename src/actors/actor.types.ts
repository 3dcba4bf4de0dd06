import { Field, InputType, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Evidence } from '../articles/article.types';
import { PartialDateType } from '../common/common.types';
import { connectionOf, Node, typeNameOf, type NodeRecord } from '../graphql/relay';

// Type modules only point down the graph (article <- actor <- place <- event <- meeting, pledge,
// ...); fields that point back up (Actor.meetings, Actor.pledgesMade, ...) are declared by the
// field resolvers that serve them. That keeps imports acyclic, so load order never matters.

export enum ActorKind {
  PERSON = 'PERSON',
  COUNTRY = 'COUNTRY',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(ActorKind, { name: 'ActorKind', description: 'What sort of actor: a person, a country or an organization.' });

@InterfaceType({
  implements: Node,
  description: 'Someone or something that takes part in events: a person, a country or an organization.',
  resolveType: (value: NodeRecord) => typeNameOf(value),
})
export abstract class Actor extends Node {
  @Field({ description: 'Stable human-readable key, e.g. "steve-witkoff".' })
  slug: string;

  @Field({ description: 'Full name.' })
  name: string;

  @Field(() => [String], { description: 'Other names the sources use ("Witkoff", "Kremlin").' })
  aliases: string[];

  @Field(() => ActorKind, { description: 'PERSON, COUNTRY or ORGANIZATION.' })
  kind: ActorKind;

  @Field(() => [Evidence], { description: 'Spans of articles that name this actor.' })
  evidence: Evidence[];
}

@ObjectType({ implements: [Actor, Node], description: 'A person, e.g. Steve Witkoff.' })
export class Person extends Actor {
  @Field(() => [Role], { description: 'Offices this person holds or held, and for whom.' })
  roles: Role[];
}

@ObjectType({ implements: [Actor, Node], description: 'A country, e.g. Ukraine.' })
export class Country extends Actor {
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. "UA".' })
  isoCode: string;
}

@ObjectType({ implements: [Actor, Node], description: 'An organization, alliance, government body or group, e.g. NATO.' })
export class Organization extends Actor {
  @Field(() => String, { nullable: true, description: 'What sort of organization: alliance, government, coalition, group, ...' })
  orgType: string | null;

  @Field(() => [Actor], { description: 'Actors the sources report as its members.' })
  members: Actor[];
}

@ObjectType({ description: 'An office a person holds, e.g. special envoy of Donald Trump.' })
export class Role {
  @Field({ description: 'The title of the office, e.g. "Defense Minister".' })
  title: string;

  @Field(() => Actor, { nullable: true, description: 'Whom the office is held for (a country, an organization or a person).' })
  of: Actor | null;

  @Field(() => PartialDateType, { nullable: true, description: 'Since when, when the sources say.' })
  since: PartialDateType | null;

  @Field(() => PartialDateType, { nullable: true, description: 'Until when, when the sources say.' })
  until: PartialDateType | null;

  @Field(() => [Evidence], { description: 'Spans that support the role.' })
  evidence: Evidence[];
}

export const ActorConnection = connectionOf('Actor', Actor, 'actor');

@InputType({ description: 'Narrows a list of actors; every field given must hold.' })
export class ActorFilter {
  @Field(() => ActorKind, { nullable: true, description: 'Only actors of this kind.' })
  @IsOptional()
  @IsEnum(ActorKind)
  kind?: ActorKind | null;
}
