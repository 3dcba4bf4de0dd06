import { GraphQLError } from 'graphql';

/** One problem with one input field, named by its path (`events[3].evidence[0].end`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * Typed errors of the domain. Each maps to a GraphQL error code (extensions.code) so clients can
 * branch on it; the server's formatError turns them into GraphQLErrors.
 */
export class InvalidInputError extends GraphQLError {
  constructor(
    message: string,
    readonly problems: FieldProblem[],
  ) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', problems } });
    this.name = 'InvalidInputError';
  }

  /** A readable multi-line report for the command line. */
  report(): string {
    return [this.message, ...this.problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`)].join('\n');
  }
}

/** One bad argument, e.g. `first: must be <= 100, got 101`. */
export function badArgument(path: string, message: string): InvalidInputError {
  return new InvalidInputError(`${path}: ${message}`, [{ path, message }]);
}

/** Refuses an integer argument outside [min, max], naming it: `maxHops: must be from 1 to 4, got 5`. */
export function checkIntRange(path: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw badArgument(path, `must be from ${min} to ${max}, got ${value}`);
}

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'NOT_FOUND' } });
    this.name = 'NotFoundError';
  }
}

/** A write without a valid API key (none sent, unknown or revoked). HTTP 401. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    this.name = 'UnauthenticatedError';
  }
}

/** A valid API key whose role may not do this. HTTP 403. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
    this.name = 'ForbiddenError';
  }
}

/**
 * An update that named a version other than the stored one: someone else changed the thing since
 * the caller read it. The caller should read it again and reapply the change.
 */
export class ConflictError extends GraphQLError {
  constructor(
    message: string,
    readonly details: { path: string; expectedVersion: number; currentVersion: number },
  ) {
    super(message, { extensions: { code: 'CONFLICT', ...details } });
    this.name = 'ConflictError';
  }
}
