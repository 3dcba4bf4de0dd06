import { validate } from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { flattenValidationErrors } from '../bundles/bundle.validate';
import { InvalidInputError } from '../common/errors';

/**
 * Validates every input-object argument with class-validator before its resolver runs, and
 * reports each problem by its path from the argument (`filter.participant: must be a slug ...`).
 * type-graphql's own validation does not say which argument a problem belongs to.
 */
export const validateArgs: ValidatorFn = async (argValue, argType, { args }) => {
  if (argValue === null || typeof argValue !== 'object') return;
  // A type that validates itself whole (an article bundle: shape and cross-item rules in one
  // list of problems) is left to its resolver, which must validate it before writing.
  if (typeof argType === 'function' && 'validatedWhole' in argType) return;
  const values: unknown[] = Array.isArray(argValue) ? argValue : [argValue];
  const serialized = JSON.stringify(argValue);
  // An @Args() class holds all arguments (paths start at the argument); an @Arg() input holds one.
  const name = Object.entries(args).find(([, value]) => value === argValue || JSON.stringify(value) === serialized)?.[0];
  const problems = [];
  for (const [i, value] of values.entries()) {
    if (value === null || typeof value !== 'object') continue;
    const base = Array.isArray(argValue) ? `${name ?? ''}[${i}]` : (name ?? '');
    problems.push(...flattenValidationErrors(await validate(value, { forbidUnknownValues: false }), base));
  }
  if (problems.length) {
    throw new InvalidInputError(`Invalid arguments: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);
  }
};
