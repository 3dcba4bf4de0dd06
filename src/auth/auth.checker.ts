import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors';
import type { Context } from '../graphql/context';
import type { KeyRole } from './caller';

/** Roles that may change the graph. */
export const WRITERS: KeyRole[] = ['editor', 'admin'];
/** Roles that may read the audit trail. */
export const ADMINS: KeyRole[] = ['admin'];

/**
 * Guards every @Authorized field: reads stay open, writes need a key of one of the field's roles.
 * It runs before the resolver, so a refused request has written nothing. Without a key the answer
 * is UNAUTHENTICATED (HTTP 401); with a key of another role, FORBIDDEN (HTTP 403).
 */
export const authChecker: AuthChecker<Context, KeyRole> = async ({ context }, roles) => {
  const caller = await context.caller();
  if (!caller) throw new UnauthenticatedError('This needs an API key: send the header "Authorization: Bearer <key>"');
  if (roles.length > 0 && !(roles as string[]).includes(caller.role)) {
    throw new ForbiddenError(`This needs a key with the role ${roles.join(' or ')}; the key "${caller.name}" has the role ${caller.role}`);
  }
  return true;
};
