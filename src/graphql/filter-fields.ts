import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Field } from 'type-graphql';
import { IsPartialDate } from '../bundles/partial-date.validator';
import { SLUG_MESSAGE, SLUG_PATTERN } from '../common/slug';

/**
 * Field decorators shared by the filter inputs of every list: each declares the GraphQL field and
 * its class-validator rules in one place, so the filters of actors, events, meetings, pledges and
 * statements say the same thing the same way.
 */
type Decorator = (target: object, key: string) => void;
const all =
  (...decorators: Decorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of decorators) decorate(target, key as string);
  };

export const MAX_FILTER_LIST = 20;

export function SlugFilter(description: string): PropertyDecorator {
  return all(Field(() => String, { nullable: true, description }), IsOptional(), Matches(SLUG_PATTERN, { message: SLUG_MESSAGE }));
}

export function SlugListFilter(description: string, exactly?: number): PropertyDecorator {
  return all(
    Field(() => [String], { nullable: true, description }),
    IsOptional(),
    Matches(SLUG_PATTERN, { each: true, message: SLUG_MESSAGE }),
    ArrayMinSize(exactly ?? 1),
    ArrayMaxSize(exactly ?? MAX_FILTER_LIST),
  );
}

export function PartialDateFilter(description: string): PropertyDecorator {
  return all(Field(() => String, { nullable: true, description }), IsOptional(), IsPartialDate());
}

export function TextFilter(description: string): PropertyDecorator {
  return all(Field(() => String, { nullable: true, description }), IsOptional(), IsString(), Length(1, 200));
}

/** and / or / not of a filter type: groups of the same filter, at most MAX_FILTER_LIST each. */
export function FilterGroup(kind: 'and' | 'or', type: () => Function): PropertyDecorator {
  const description = kind === 'and' ? 'Every one of these filters must hold.' : 'At least one of these filters must hold.';
  return all(Field(() => [type()], { nullable: true, description }), IsOptional(), ValidateNested({ each: true }), ArrayMaxSize(MAX_FILTER_LIST));
}

export function FilterNot(type: () => Function): PropertyDecorator {
  return all(Field(() => type(), { nullable: true, description: 'This filter must not hold.' }), IsOptional(), ValidateNested());
}
