import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ActorKind as ActorKindEnum } from '../actors/actor.types';
import { EventKindEnum } from '../common/common.types';
import { EventStatus } from '../events/event.types';
import { AmountQualifier } from '../pledges/pledge.types';
import { StancePosition } from '../proposals/proposal.types';
import { StatementMode } from '../statements/statement.types';
import { IsPartialDate } from './partial-date.validator';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../common/slug';

export { SLUG_PATTERN };

/**
 * The shape of an article bundle: one article's text and everything it reports.
 * Shape rules live here (class-validator); rules that need the whole bundle (spans against the
 * text, references between items, unique slugs) live in bundle.validate.ts.
 * These classes are also the GraphQL input types of importArticle (type-graphql), so the JSON
 * files in seed/ and the mutation's argument have one definition.
 */

export const DECIMAL_PATTERN = /^(0|[1-9][0-9]{0,17})(\.[0-9]{1,6})?$/;
const DECIMAL_MESSAGE = 'must be a non-negative decimal string such as "21000000000" or "1.5"';

export const ACTOR_KINDS = ['PERSON', 'COUNTRY', 'ORGANIZATION'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const EVENT_KINDS = ['MEETING', 'GATHERING', 'PLEDGE', 'STATEMENT', 'PROPOSAL', 'ACTION'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATUSES = ['OCCURRED', 'ONGOING', 'PLANNED', 'POTENTIAL'] as const;
export const AMOUNT_QUALIFIERS = ['EXACT', 'AT_LEAST', 'AT_MOST', 'ABOUT'] as const;
export const STANCE_POSITIONS = ['ACCEPTED', 'REJECTED', 'NOT_ACCEPTED', 'CONDITIONAL', 'UNDECIDED'] as const;
export const STATEMENT_MODES = ['DIRECT', 'INDIRECT'] as const;

/** A character span [start, end) of the article text and the text it covers. */
@InputType({ description: 'A span [start, end) of the article text (JavaScript string indices) and the text it covers.' })
export class EvidenceInput {
  @Field(() => Int, { description: 'Index of the first character of the span (inclusive).' })
  @IsInt() @Min(0) start: number;

  @Field(() => Int, { description: 'Index just past the last character of the span (exclusive).' })
  @IsInt() @Min(0) end: number;

  @Field(() => String, { description: 'The text of the span: must equal article.text.slice(start, end).' })
  @IsString() @IsNotEmpty() @MaxLength(5000) quote: string;
}

/** The evidence every fact carries; a base class only (GraphQL sees its field on each subclass). */
@InputType({ description: 'A fact with the evidence spans that support it.' })
abstract class Evidenced {
  @Field(() => [EvidenceInput], { description: 'The spans of the article that support this fact (at least one).' })
  @IsArray() @ArrayMinSize(1, { message: 'must hold at least one evidence span' })
  @ValidateNested({ each: true }) @Type(() => EvidenceInput)
  evidence: EvidenceInput[];
}

@InputType({ description: 'The article a bundle comes from: its metadata and full text.' })
export class ArticleInput {
  @Field(() => String, { description: 'Natural key of the article, e.g. "witkoff-putin-brussels".' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) @MaxLength(120) slug: string;

  @Field(() => String, { description: 'Headline (up to 500 characters).' })
  @IsString() @IsNotEmpty() @MaxLength(500) title: string;

  @Field(() => String, { description: 'Publication date: "YYYY", "YYYY-MM" or "YYYY-MM-DD".' })
  @IsPartialDate() publishedOn: string;

  @Field(() => String, { nullable: true, description: 'Where the article was published, when known.' })
  @IsOptional() @IsString() @MaxLength(2000) url?: string | null;

  /** Read from article.txt beside bundle.json when the bundle is a folder. */
  @Field(() => String, { description: 'The full text, byte for byte; evidence spans index into it.' })
  @IsString() @IsNotEmpty() @MaxLength(1_000_000) text: string;
}

@InputType({ description: 'An actor an organization counts among its members, with the spans that say so.' })
export class MembershipInput extends Evidenced {
  @Field(() => String, { description: 'Slug of the member actor.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) actor: string;
}

@InputType({ description: 'A person, country or organization the article names.' })
export class ActorInput extends Evidenced {
  @Field(() => String, { description: 'Natural key, e.g. "steve-witkoff"; an actor already in the graph with this slug is linked, not duplicated.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) @MaxLength(120) slug: string;

  @Field(() => ActorKindEnum, { description: 'PERSON, COUNTRY or ORGANIZATION.' })
  @IsIn(ACTOR_KINDS) kind: ActorKind;

  @Field(() => String, { description: 'Full name (up to 300 characters).' })
  @IsString() @IsNotEmpty() @MaxLength(300) name: string;

  @Field(() => [String], { nullable: true, description: 'Other names the article uses ("Witkoff").' })
  @IsOptional() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true })
  aliases?: string[];

  /** Countries only: ISO 3166-1 alpha-2. */
  @Field(() => String, { nullable: true, description: 'Countries only (and required for them): ISO 3166-1 alpha-2 code, e.g. "UA".' })
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "UA"' })
  isoCode?: string;

  /** Organizations only: government, alliance, coalition, group, ... */
  @Field(() => String, { nullable: true, description: 'Organizations only: what sort, as a slug (alliance, government, coalition, group, ...).' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) orgType?: string;

  /** Organizations only: actors the article reports as members. */
  @Field(() => [MembershipInput], { nullable: true, description: 'Organizations only: actors the article reports as members.' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => MembershipInput)
  members?: MembershipInput[];
}

@InputType({ description: 'A place where events happen.' })
export class PlaceInput extends Evidenced {
  @Field(() => String, { description: 'Natural key, e.g. "brussels".' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) @MaxLength(120) slug: string;

  @Field(() => String, { description: 'Name (up to 300 characters).' })
  @IsString() @IsNotEmpty() @MaxLength(300) name: string;

  @Field(() => String, { nullable: true, description: 'Slug of the COUNTRY it is in, when known.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) country?: string | null;
}

@InputType({ description: 'An office a person holds, e.g. special envoy of Donald Trump.' })
export class RoleInput extends Evidenced {
  @Field(() => String, { description: 'Slug of the PERSON holding the office.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) person: string;

  @Field(() => String, { description: 'Title of the office (up to 300 characters).' })
  @IsString() @IsNotEmpty() @MaxLength(300) title: string;

  @Field(() => String, { nullable: true, description: 'Slug of the actor the office is held for, when known.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) of?: string | null;

  @Field(() => String, { nullable: true, description: 'Since when: "YYYY", "YYYY-MM" or "YYYY-MM-DD".' })
  @IsOptional() @IsPartialDate() since?: string | null;

  @Field(() => String, { nullable: true, description: 'Until when: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; not before since.' })
  @IsOptional() @IsPartialDate() until?: string | null;
}

@InputType({ description: "An actor's part in an event." })
export class ParticipantInput {
  @Field(() => String, { description: 'Slug of the actor.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) actor: string;

  @Field(() => String, { nullable: true, description: 'As what, as a slug: host, guest, attendee, aggressor, ... (default "participant").' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) role?: string | null;
}

// Named PledgeAmountInput in GraphQL: MoneyInput there is the pledge filters' amount (no qualifier).
@InputType('PledgeAmountInput', { description: 'An amount of money as an article states it: a decimal string (never a float), an ISO 4217 currency, a qualifier.' })
export class MoneyInput {
  @Field(() => String, { description: 'Non-negative decimal string, e.g. "21000000000" or "1.5" (up to 6 decimals).' })
  @Matches(DECIMAL_PATTERN, { message: DECIMAL_MESSAGE }) amount: string;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. "EUR".' })
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as "EUR"' }) currency: string;

  @Field(() => AmountQualifier, { description: 'How the article qualifies the amount ("more than" = AT_LEAST).' })
  @IsIn(AMOUNT_QUALIFIERS) qualifier: (typeof AMOUNT_QUALIFIERS)[number];
}

/** An equivalent amount the article itself reports (EUR 21 bn = USD 23.8 bn). */
@InputType({ description: 'An equivalent in another currency that the article itself reports, with the spans that give it.' })
export class ReportedMoneyInput extends MoneyInput {
  @Field(() => [EvidenceInput], { description: 'The spans that give the equivalent (at least one).' })
  @IsArray() @ArrayMinSize(1, { message: 'must hold at least one evidence span' })
  @ValidateNested({ each: true }) @Type(() => EvidenceInput)
  evidence: EvidenceInput[];
}

/**
 * One event. `kind` decides which of the kind-specific fields apply; bundle.validate.ts
 * checks that the ones a kind needs are there and the others are not.
 */
@InputType({
  description:
    'An event of any kind. `kind` decides which kind-specific fields apply: those a kind needs are required, those of other kinds must be left out.',
})
export class EventInput extends Evidenced {
  @Field(() => String, { description: 'Natural key, e.g. "witkoff-putin-third-meeting".' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) @MaxLength(120) slug: string;

  @Field(() => EventKindEnum, { description: 'MEETING, GATHERING, PLEDGE, STATEMENT, PROPOSAL or ACTION.' })
  @IsIn(EVENT_KINDS) kind: EventKind;

  @Field(() => String, { description: 'A short headline (up to 500 characters).' })
  @IsString() @IsNotEmpty() @MaxLength(500) title: string;

  @Field(() => EventStatus, { nullable: true, description: 'Whether it took place (default OCCURRED), is under way, planned or only talked of.' })
  @IsOptional() @IsIn(EVENT_STATUSES) status?: (typeof EVENT_STATUSES)[number];

  /** "2025", "2025-04" or "2025-04-11"; null or absent when the article gives no date. */
  @Field(() => String, { nullable: true, description: 'When: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; null when the article gives no date.' })
  @IsOptional() @IsPartialDate() date?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of the place, when known.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) place?: string | null;

  @Field(() => [ParticipantInput], { nullable: true, description: 'Who took part and as what (a MEETING needs at least 2).' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ParticipantInput)
  participants?: ParticipantInput[];

  // MEETING
  @Field(() => Int, { nullable: true, description: 'MEETING: which meeting of these parties (3 for "their third meeting").' })
  @IsOptional() @IsInt() @Min(1) ordinal?: number | null;

  @Field(() => String, { nullable: true, description: 'MEETING: its stated purpose (up to 1000 characters).' })
  @IsOptional() @IsString() @MaxLength(1000) purpose?: string | null;

  @Field(() => [String], { nullable: true, description: 'MEETING: topics on the agenda.' })
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) agenda?: string[];

  // PLEDGE
  @Field(() => [String], { nullable: true, description: 'PLEDGE (required): slugs of the donors.' })
  @IsOptional() @IsArray() @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE }) donors?: string[];

  @Field(() => String, { nullable: true, description: 'PLEDGE (required): slug of the recipient.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) recipient?: string;

  @Field(() => MoneyInput, { nullable: true, description: 'PLEDGE (required): the amount, in the currency the article states it in.' })
  @IsOptional() @ValidateNested() @Type(() => MoneyInput) amount?: MoneyInput;

  @Field(() => [ReportedMoneyInput], { nullable: true, description: 'PLEDGE: equivalents in other currencies that the article itself reports.' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ReportedMoneyInput)
  reportedEquivalents?: ReportedMoneyInput[];

  @Field(() => [String], { nullable: true, description: 'PLEDGE: what the aid is for.' })
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) purposes?: string[];

  @Field(() => String, { nullable: true, description: 'PLEDGE: slug of the PERSON who announced it.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) announcedBy?: string | null;

  // STATEMENT
  @Field(() => String, { nullable: true, description: 'STATEMENT (required): slug of the PERSON speaking.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) speaker?: string;

  @Field(() => String, { nullable: true, description: 'STATEMENT (required): the words, found word for word inside one of its evidence spans.' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(5000) quote?: string;

  @Field(() => StatementMode, { nullable: true, description: 'STATEMENT: DIRECT (default) or INDIRECT speech.' })
  @IsOptional() @IsIn(STATEMENT_MODES) mode?: (typeof STATEMENT_MODES)[number];

  @Field(() => [String], { nullable: true, description: 'STATEMENT: slugs of the actors it is about.' })
  @IsOptional() @IsArray() @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE }) about?: string[];

  // PROPOSAL
  @Field(() => String, { nullable: true, description: 'PROPOSAL (required): slug of the actor who put it forward.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) proposedBy?: string;

  @Field(() => String, { nullable: true, description: 'PROPOSAL: what it would do, in a sentence (up to 2000 characters).' })
  @IsOptional() @IsString() @MaxLength(2000) summary?: string | null;

  // ACTION (invasion, severing of ties, accusation, ...)
  @Field(() => String, { nullable: true, description: 'ACTION (required): what sort, as a slug: "invasion", "severed-ties", "accusation", ...' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) category?: string;
}

@InputType({ description: "An actor's position on a proposal." })
export class StanceInput extends Evidenced {
  @Field(() => String, { description: 'Slug of the actor taking the position.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) actor: string;

  @Field(() => String, { description: 'Slug of the PROPOSAL event.' })
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) proposal: string;

  @Field(() => StancePosition, { description: 'The position taken.' })
  @IsIn(STANCE_POSITIONS) position: (typeof STANCE_POSITIONS)[number];

  @Field(() => [String], { nullable: true, description: 'Conditions or demands attached to the position.' })
  @IsOptional() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) conditions?: string[];
}

@InputType({
  description:
    'One article and everything it reports, in the format of the bundles in seed/. Items refer to each other by slug; every fact carries evidence spans of the article.',
})
export class ArticleBundleInput {
  /** importArticle validates it whole (validateBundle), so that one answer lists every problem. */
  static readonly validatedWhole = true;

  @Field(() => ArticleInput, { description: 'The article: metadata and full text.' })
  @ValidateNested() @Type(() => ArticleInput) article: ArticleInput;

  @Field(() => [ActorInput], { description: 'Every actor the facts below refer to.' })
  @IsArray() @ValidateNested({ each: true }) @Type(() => ActorInput) actors: ActorInput[];

  @Field(() => [PlaceInput], { nullable: true, description: 'Places the article names.' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => PlaceInput) places?: PlaceInput[];

  @Field(() => [RoleInput], { nullable: true, description: 'Offices persons hold.' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => RoleInput) roles?: RoleInput[];

  @Field(() => [EventInput], { description: 'Events of every kind.' })
  @IsArray() @ValidateNested({ each: true }) @Type(() => EventInput) events: EventInput[];

  @Field(() => [StanceInput], { nullable: true, description: 'Positions actors take on the proposals among the events.' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => StanceInput) stances?: StanceInput[];
}
