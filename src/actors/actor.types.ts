import { Field, InputType, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Evidence } from '../articles/article.types';
import { EventKindEnum, OrderDirection, PartialDateType } from '../common/common.types';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../common/slug';
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

  @Field(() => Int, { description: 'Goes up by one with every change; updateActor and deleteActor name the version they read.' })
  version: number;
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

  @Field(() => Int, { description: 'Goes up by one with every change; updateRole and deleteRole name the version they read.' })
  version: number;
}

export const ActorConnection = connectionOf('Actor', Actor, 'actor');

export enum ActorOrderField {
  NAME = 'NAME',
  EVENT_COUNT = 'EVENT_COUNT',
}
registerEnumType(ActorOrderField, {
  name: 'ActorOrderField',
  description: 'NAME: alphabetical. EVENT_COUNT: how many events the actor took part in.',
});

@InputType({ description: 'How to order a list of actors; ties are broken by id, so cursors stay stable.' })
export class ActorOrder {
  @Field(() => ActorOrderField, { description: 'What to order by.' })
  @IsEnum(ActorOrderField)
  field: ActorOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'ASC (default) or DESC.' })
  @IsEnum(OrderDirection)
  direction: OrderDirection;
}

@InputType({ description: 'Narrows a list of actors. Fields given combine with AND; and / or / not group other filters.' })
export class ActorFilter {
  @Field(() => ActorKind, { nullable: true, description: 'Only actors of this kind.' })
  @IsOptional()
  @IsEnum(ActorKind)
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true, description: 'Name or an alias contains this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  nameContains?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Country (slug): the country itself, persons holding a role for it, organizations it is a member of.',
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Holds a role for this actor (slug), e.g. "russia" or "donald-trump".' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  holdsRoleIn?: string | null;

  @Field(() => [EventKindEnum], { nullable: true, description: 'Took part in at least one event of one of these kinds.' })
  @IsOptional()
  @IsEnum(EventKindEnum, { each: true })
  @ArrayMaxSize(6)
  tookPartIn?: EventKindEnum[] | null;

  @Field(() => [ActorFilter], { nullable: true, description: 'Every one of these filters must hold.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  and?: ActorFilter[] | null;

  @Field(() => [ActorFilter], { nullable: true, description: 'At least one of these filters must hold.' })
  @IsOptional()
  @ValidateNested({ each: true })
  @ArrayMaxSize(20)
  or?: ActorFilter[] | null;

  @Field(() => ActorFilter, { nullable: true, description: 'This filter must not hold.' })
  @IsOptional()
  @ValidateNested()
  not?: ActorFilter | null;
}
