import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import {
  ActorInput,
  EventInput,
  MoneyInput,
  ParticipantInput,
  PlaceInput,
  RoleInput,
  StanceInput,
} from '../bundles/bundle.inputs';
import { IsPartialDate } from '../bundles/partial-date.validator';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../common/slug';
import { EventStatus } from '../events/event.types';
import { StancePosition } from '../proposals/proposal.types';
import { StatementMode } from '../statements/statement.types';

/**
 * Inputs of the single-item mutations. Creates are the bundle's own item types (bundle.inputs.ts)
 * plus the stored article their evidence spans point into, so an item means the same thing in a
 * bundle and in a mutation. Updates name what they change (left out = kept) and the version they
 * read; deletes name the version too.
 */

type Decorator = (target: object, key: string) => void;
const all =
  (...decorators: Decorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of decorators) decorate(target, key as string);
  };

const Slug = (description: string) => all(Field(() => String, { description }), Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }));

const ArticleRef = () => Slug('Slug of the stored article that the evidence spans (all of them, nested ones too) point into.');

const Version = (what: string) =>
  all(
    Field(() => Int, { description: `The version of the ${what} you read; if it has changed since, the write is refused with CONFLICT.` }),
    IsInt(),
    Min(1),
  );

const Cascade = (description: string) =>
  all(Field(() => Boolean, { defaultValue: false, description }), IsOptional(), IsBoolean());

/** An update field that may be left out (kept) but not set to null. */
const Kept = (): Decorator =>
  all(
    ValidateIf((_object, value) => value !== undefined),
    IsDefined({ message: 'cannot be null: leave it out to keep the current value' }),
  );

@InputType({ description: 'A new actor, supported by spans of one stored article.' })
export class CreateActorInput extends ActorInput {
  @ArticleRef()
  article: string;
}

@InputType({ description: 'A new place, supported by spans of one stored article.' })
export class CreatePlaceInput extends PlaceInput {
  @ArticleRef()
  article: string;
}

@InputType({ description: 'A new role, supported by spans of one stored article.' })
export class CreateRoleInput extends RoleInput {
  @ArticleRef()
  article: string;
}

@InputType({ description: 'A new event of any kind, supported by spans of one stored article.' })
export class CreateEventInput extends EventInput {
  @ArticleRef()
  article: string;
}

@InputType({ description: 'A new stance, supported by spans of one stored article.' })
export class CreateStanceInput extends StanceInput {
  @ArticleRef()
  article: string;
}

@InputType({ description: 'Changes to an actor; fields left out keep their value. Slug and kind never change.' })
export class UpdateActorInput {
  @Slug('Slug of the actor to change.')
  slug: string;

  @Version('actor')
  version: number;

  @Field(() => String, { nullable: true, description: 'New full name (up to 300 characters).' })
  @Kept() @IsString() @IsNotEmpty() @MaxLength(300)
  name?: string;

  @Field(() => [String], { nullable: true, description: 'New list of other names; replaces the old list.' })
  @Kept() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true }) @ArrayMaxSize(100)
  aliases?: string[];

  @Field(() => String, { nullable: true, description: 'Countries only: new ISO 3166-1 alpha-2 code.' })
  @Kept() @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "UA"' })
  isoCode?: string;

  @Field(() => String, { nullable: true, description: 'Organizations only: what sort, as a slug; null clears it.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  orgType?: string | null;
}

@InputType({ description: 'Changes to a place; fields left out keep their value. The slug never changes.' })
export class UpdatePlaceInput {
  @Slug('Slug of the place to change.')
  slug: string;

  @Version('place')
  version: number;

  @Field(() => String, { nullable: true, description: 'New name (up to 300 characters).' })
  @Kept() @IsString() @IsNotEmpty() @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Slug of the COUNTRY it is in; null clears it.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  country?: string | null;
}

@InputType({ description: 'Changes to a role; fields left out keep their value. The person never changes.' })
export class UpdateRoleInput {
  @Field(() => ID, { description: 'The id of the role (Role.id).' })
  @IsString()
  id: string;

  @Version('role')
  version: number;

  @Field(() => String, { nullable: true, description: 'New title (up to 300 characters).' })
  @Kept() @IsString() @IsNotEmpty() @MaxLength(300)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Slug of the actor the office is held for; null clears it.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  of?: string | null;

  @Field(() => String, { nullable: true, description: 'Since when ("YYYY", "YYYY-MM" or "YYYY-MM-DD"); null clears it.' })
  @IsOptional() @IsPartialDate()
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'Until when; null clears it.' })
  @IsOptional() @IsPartialDate()
  until?: string | null;
}

@InputType({
  description:
    'Changes to an event; fields left out keep their value, lists given replace the old ones. Slug and kind never change, and fields of other kinds are refused.',
})
export class UpdateEventInput {
  @Slug('Slug of the event to change.')
  slug: string;

  @Version('event')
  version: number;

  @Field(() => String, { nullable: true, description: 'New headline (up to 500 characters).' })
  @Kept() @IsString() @IsNotEmpty() @MaxLength(500)
  title?: string;

  @Field(() => EventStatus, { nullable: true, description: 'New status.' })
  @Kept() @IsEnum(EventStatus)
  status?: EventStatus;

  @Field(() => String, { nullable: true, description: 'New date ("YYYY", "YYYY-MM" or "YYYY-MM-DD"); null: unknown.' })
  @IsOptional() @IsPartialDate()
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of the new place; null clears it.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  place?: string | null;

  @Field(() => [ParticipantInput], { nullable: true, description: 'The participants (other than those of the typed fields below); replaces the old list.' })
  @Kept() @IsArray() @ValidateNested({ each: true }) @Type(() => ParticipantInput) @ArrayMaxSize(100)
  participants?: ParticipantInput[];

  @Field(() => Int, { nullable: true, description: 'MEETING: which meeting of these parties; null clears it.' })
  @IsOptional() @IsInt() @Min(1)
  ordinal?: number | null;

  @Field(() => String, { nullable: true, description: 'MEETING: its purpose (up to 1000 characters); null clears it.' })
  @IsOptional() @IsString() @MaxLength(1000)
  purpose?: string | null;

  @Field(() => [String], { nullable: true, description: 'MEETING: the agenda; replaces the old list.' })
  @Kept() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100)
  agenda?: string[];

  @Field(() => [String], { nullable: true, description: 'PLEDGE: slugs of the donors; replaces the old list.' })
  @Kept() @IsArray() @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE }) @ArrayMaxSize(100)
  donors?: string[];

  @Field(() => String, { nullable: true, description: 'PLEDGE: slug of the recipient.' })
  @Kept() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  recipient?: string;

  @Field(() => MoneyInput, { nullable: true, description: 'PLEDGE: the amount as stated.' })
  @Kept() @ValidateNested() @Type(() => MoneyInput)
  amount?: MoneyInput;

  @Field(() => [String], { nullable: true, description: 'PLEDGE: what the aid is for; replaces the old list.' })
  @Kept() @IsArray() @IsString({ each: true }) @ArrayMaxSize(100)
  purposes?: string[];

  @Field(() => String, { nullable: true, description: 'PLEDGE: slug of the PERSON who announced it; null clears it.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  announcedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'STATEMENT: slug of the PERSON speaking.' })
  @Kept() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  speaker?: string;

  @Field(() => String, { nullable: true, description: "STATEMENT: the words; must appear word for word in one of the statement's evidence spans." })
  @Kept() @IsString() @IsNotEmpty() @MaxLength(5000)
  quote?: string;

  @Field(() => StatementMode, { nullable: true, description: 'STATEMENT: DIRECT or INDIRECT speech.' })
  @Kept() @IsEnum(StatementMode)
  mode?: StatementMode;

  @Field(() => [String], { nullable: true, description: 'STATEMENT: slugs of the actors it is about; replaces the old list.' })
  @Kept() @IsArray() @Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE }) @ArrayMaxSize(100)
  about?: string[];

  @Field(() => String, { nullable: true, description: 'PROPOSAL: slug of the actor who put it forward.' })
  @Kept() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  proposedBy?: string;

  @Field(() => String, { nullable: true, description: 'PROPOSAL: what it would do (up to 2000 characters); null clears it.' })
  @IsOptional() @IsString() @MaxLength(2000)
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'ACTION: what sort, as a slug.' })
  @Kept() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  category?: string;
}

@InputType({ description: 'Changes to a stance; fields left out keep their value. Actor and proposal never change.' })
export class UpdateStanceInput {
  @Slug('Slug of the actor whose stance it is.')
  actor: string;

  @Slug('Slug of the proposal.')
  proposal: string;

  @Version('stance')
  version: number;

  @Field(() => StancePosition, { nullable: true, description: 'The new position.' })
  @Kept() @IsEnum(StancePosition)
  position?: StancePosition;

  @Field(() => [String], { nullable: true, description: 'The conditions; replaces the old list.' })
  @Kept() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) @ArrayMaxSize(100)
  conditions?: string[];
}

@InputType({ description: 'A stance, named by its actor and proposal.' })
export class StanceKeyInput {
  @Slug('Slug of the actor.')
  actor: string;

  @Slug('Slug of the proposal.')
  proposal: string;
}

@InputType({ description: 'The fact an evidence span supports: exactly one of the fields.' })
export class EvidenceTargetInput {
  @Field(() => String, { nullable: true, description: 'Slug of an actor.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of a place.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of an event.' })
  @IsOptional() @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  event?: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of a role (Role.id).' })
  @IsOptional() @IsString()
  role?: string | null;

  @Field(() => StanceKeyInput, { nullable: true, description: 'A stance.' })
  @IsOptional() @ValidateNested() @Type(() => StanceKeyInput)
  stance?: StanceKeyInput | null;
}

@InputType({ description: 'A new evidence span for a fact already in the graph.' })
export class AddEvidenceInput {
  @Slug('Slug of the stored article the span is in.')
  article: string;

  @Field(() => Int, { description: 'Index of the first character of the span (inclusive).' })
  @IsInt() @Min(0)
  start: number;

  @Field(() => Int, { description: 'Index just past the last character (exclusive).' })
  @IsInt() @Min(0)
  end: number;

  @Field(() => String, { description: 'The text of the span: must equal the article text at [start, end).' })
  @IsString() @IsNotEmpty() @MaxLength(5000)
  quote: string;

  @Field(() => EvidenceTargetInput, { description: 'The fact the span supports.' })
  @ValidateNested() @Type(() => EvidenceTargetInput)
  of: EvidenceTargetInput;
}

@InputType({ description: 'Changes to an evidence span (same article, same fact); the quote must match the new span.' })
export class UpdateEvidenceInput {
  @Field(() => ID, { description: 'The id of the span (Evidence.id).' })
  @IsString()
  id: string;

  @Version('evidence span')
  version: number;

  @Field(() => Int, { nullable: true, description: 'New start index.' })
  @Kept() @IsInt() @Min(0)
  start?: number;

  @Field(() => Int, { nullable: true, description: 'New end index.' })
  @Kept() @IsInt() @Min(0)
  end?: number;

  @Field(() => String, { nullable: true, description: 'New quote: must equal the article text at the (new) span.' })
  @Kept() @IsString() @IsNotEmpty() @MaxLength(5000)
  quote?: string;
}

@InputType({ description: 'Deletes an actor.' })
export class DeleteActorInput {
  @Slug('Slug of the actor to delete.')
  slug: string;

  @Version('actor')
  version: number;

  @Cascade(
    'An actor that events, stances, roles held for it, places in it or organizations it belongs to still refer to is not deleted unless this is true. Then the events it takes part in, its stances and the roles held for it are deleted too, places in it lose their country and organizations lose it as a member.',
  )
  cascade?: boolean;
}

@InputType({ description: 'Deletes a place.' })
export class DeletePlaceInput {
  @Slug('Slug of the place to delete.')
  slug: string;

  @Version('place')
  version: number;

  @Cascade('A place where events happened is not deleted unless this is true; then those events lose their place.')
  cascade?: boolean;
}

@InputType({ description: 'Deletes an event.' })
export class DeleteEventInput {
  @Slug('Slug of the event to delete.')
  slug: string;

  @Version('event')
  version: number;

  @Cascade('A proposal that stances refer to is not deleted unless this is true; then those stances are deleted too.')
  cascade?: boolean;
}

@InputType({ description: 'Deletes a role.' })
export class DeleteRoleInput {
  @Field(() => ID, { description: 'The id of the role (Role.id).' })
  @IsString()
  id: string;

  @Version('role')
  version: number;
}

@InputType({ description: 'Deletes a stance.' })
export class DeleteStanceInput {
  @Slug('Slug of the actor whose stance it is.')
  actor: string;

  @Slug('Slug of the proposal.')
  proposal: string;

  @Version('stance')
  version: number;
}

@InputType({ description: "Deletes an evidence span; a fact's last span cannot be deleted (delete the fact instead)." })
export class DeleteEvidenceInput {
  @Field(() => ID, { description: 'The id of the span (Evidence.id).' })
  @IsString()
  id: string;

  @Version('evidence span')
  version: number;
}
