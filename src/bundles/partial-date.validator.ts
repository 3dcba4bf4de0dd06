import { registerDecorator, ValidationArguments } from 'class-validator';
import { parsePartialDate } from '../common/partial-date';

/** A "YYYY", "YYYY-MM" or "YYYY-MM-DD" string naming a real calendar date; null passes (use @IsOptional). */
export function IsPartialDate(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isPartialDate',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && typeof parsePartialDate(value) !== 'string',
        defaultMessage: (args?: ValidationArguments) => {
          const value = args?.value;
          if (typeof value !== 'string') return 'must be a date string written YYYY, YYYY-MM or YYYY-MM-DD';
          return parsePartialDate(value) as string;
        },
      },
    });
  };
}
