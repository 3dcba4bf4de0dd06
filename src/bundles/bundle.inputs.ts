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
import { IsPartialDate } from './partial-date.validator';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../common/slug';

export { SLUG_PATTERN };

/**
 * The shape of an article bundle: one article's text and everything it reports.
 * Shape rules live here (class-validator); rules that need the whole bundle (spans against the
 * text, references between items, unique slugs) live in bundle.validate.ts.
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
export class EvidenceInput {
  @IsInt() @Min(0) start: number;
  @IsInt() @Min(0) end: number;
  @IsString() @IsNotEmpty() @MaxLength(5000) quote: string;
}

abstract class Evidenced {
  @IsArray() @ArrayMinSize(1, { message: 'must hold at least one evidence span' })
  @ValidateNested({ each: true }) @Type(() => EvidenceInput)
  evidence: EvidenceInput[];
}

export class ArticleInput {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) @MaxLength(120) slug: string;
  @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @IsPartialDate() publishedOn: string;
  @IsOptional() @IsString() @MaxLength(2000) url?: string | null;
  /** Read from article.txt beside bundle.json when the bundle is a folder. */
  @IsString() @IsNotEmpty() @MaxLength(1_000_000) text: string;
}

export class MembershipInput extends Evidenced {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) actor: string;
}

export class ActorInput extends Evidenced {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) @MaxLength(120) slug: string;
  @IsIn(ACTOR_KINDS) kind: ActorKind;
  @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @IsOptional() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true })
  aliases?: string[];
  /** Countries only: ISO 3166-1 alpha-2. */
  @IsOptional() @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "UA"' })
  isoCode?: string;
  /** Organizations only: government, alliance, coalition, group, ... */
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) orgType?: string;
  /** Organizations only: actors the article reports as members. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => MembershipInput)
  members?: MembershipInput[];
}

export class PlaceInput extends Evidenced {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) @MaxLength(120) slug: string;
  @IsString() @IsNotEmpty() @MaxLength(300) name: string;
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) country?: string | null;
}

export class RoleInput extends Evidenced {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) person: string;
  @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) of?: string | null;
  @IsOptional() @IsPartialDate() since?: string | null;
  @IsOptional() @IsPartialDate() until?: string | null;
}

export class ParticipantInput {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) actor: string;
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) role?: string | null;
}

export class MoneyInput {
  @Matches(DECIMAL_PATTERN, { message: DECIMAL_MESSAGE }) amount: string;
  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as "EUR"' }) currency: string;
  @IsIn(AMOUNT_QUALIFIERS) qualifier: (typeof AMOUNT_QUALIFIERS)[number];
}

/** An equivalent amount the article itself reports (EUR 21 bn = USD 23.8 bn). */
export class ReportedMoneyInput extends MoneyInput {
  @IsArray() @ArrayMinSize(1, { message: 'must hold at least one evidence span' })
  @ValidateNested({ each: true }) @Type(() => EvidenceInput)
  evidence: EvidenceInput[];
}

/**
 * One event. `kind` decides which of the kind-specific fields apply; bundle.validate.ts
 * checks that the ones a kind needs are there and the others are not.
 */
export class EventInput extends Evidenced {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) @MaxLength(120) slug: string;
  @IsIn(EVENT_KINDS) kind: EventKind;
  @IsString() @IsNotEmpty() @MaxLength(500) title: string;
  @IsOptional() @IsIn(EVENT_STATUSES) status?: (typeof EVENT_STATUSES)[number];
  /** "2025", "2025-04" or "2025-04-11"; null or absent when the article gives no date. */
  @IsOptional() @IsPartialDate() date?: string | null;
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) place?: string | null;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ParticipantInput)
  participants?: ParticipantInput[];

  // MEETING
  @IsOptional() @IsInt() @Min(1) ordinal?: number | null;
  @IsOptional() @IsString() @MaxLength(1000) purpose?: string | null;
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) agenda?: string[];

  // PLEDGE
  @IsOptional() @IsArray() @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE }) donors?: string[];
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) recipient?: string;
  @IsOptional() @ValidateNested() @Type(() => MoneyInput) amount?: MoneyInput;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ReportedMoneyInput)
  reportedEquivalents?: ReportedMoneyInput[];
  @IsOptional() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100) purposes?: string[];
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) announcedBy?: string | null;

  // STATEMENT
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) speaker?: string;
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(5000) quote?: string;
  @IsOptional() @IsIn(STATEMENT_MODES) mode?: (typeof STATEMENT_MODES)[number];
  @IsOptional() @IsArray() @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE }) about?: string[];

  // PROPOSAL
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) proposedBy?: string;
  @IsOptional() @IsString() @MaxLength(2000) summary?: string | null;

  // ACTION (invasion, severing of ties, accusation, ...)
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) category?: string;
}

export class StanceInput extends Evidenced {
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) actor: string;
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }) proposal: string;
  @IsIn(STANCE_POSITIONS) position: (typeof STANCE_POSITIONS)[number];
  @IsOptional() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) conditions?: string[];
}

export class ArticleBundleInput {
  @ValidateNested() @Type(() => ArticleInput) article: ArticleInput;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ActorInput) actors: ActorInput[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => PlaceInput) places?: PlaceInput[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => RoleInput) roles?: RoleInput[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => EventInput) events: EventInput[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => StanceInput) stances?: StanceInput[];
}
