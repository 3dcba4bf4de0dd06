import { createHash, randomBytes } from 'node:crypto';
import { recordChanges } from '../audit/audit.repository';
import { InvalidInputError, UnauthenticatedError } from '../common/errors';
import type { Database, Queryable } from '../db/database';
import { activeKeyByHash, insertApiKey, listApiKeys, revokeApiKeys, type ApiKeyRecord } from './api-key.repository';
import { KEY_ROLES, type Caller, type KeyRole } from './caller';

/** Every key starts with this, so that a leaked one is easy to recognise (and to grep for). */
const KEY_PREFIX = 'ngk_';
const KEY_PATTERN = /^ngk_[A-Za-z0-9_-]{43}$/;
export const KEY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/**
 * sha256 is enough here: a key holds 256 random bits, so nobody can guess one by trying hashes,
 * and a slow password hash would only slow every write down.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Shown in `keys list` and in the audit trail, never enough to use. */
function prefixOf(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}

function keyState(key: ApiKeyRecord) {
  return { id: key.dbId, name: key.name, role: key.role, prefix: key.prefix, revokedAt: key.revokedAt?.toISOString() ?? null };
}

/** Creates a key and returns it: the only time the key itself exists outside its holder's hands. */
export async function createApiKey(db: Database, by: Caller, name: string, role: string): Promise<{ key: string; record: ApiKeyRecord }> {
  const problems = [];
  if (!KEY_NAME_PATTERN.test(name)) problems.push({ path: 'name', message: 'must be 1-100 letters, digits, ".", "_", "@" or "-", starting with a letter or digit' });
  if (!(KEY_ROLES as readonly string[]).includes(role)) problems.push({ path: 'role', message: `must be one of ${KEY_ROLES.join(', ')}` });
  if (problems.length) throw new InvalidInputError('Invalid API key request', problems);
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const record = await db.transaction(async (tx) => {
    const created = await insertApiKey(tx, { name, role: role as KeyRole, hash: hashApiKey(key), prefix: prefixOf(key) });
    await recordChanges(tx, by, [{ action: 'CREATE', entity: 'API_KEY', key: created.dbId, before: null, after: keyState(created) }]);
    return created;
  });
  return { key, record };
}

/** Revokes the active keys with this id or name; a revoked key stops working on the next request. */
export async function revokeApiKey(db: Database, by: Caller, which: { id?: string; name?: string }): Promise<ApiKeyRecord[]> {
  if (which.id !== undefined && !/^\d{1,18}$/.test(which.id)) {
    throw new InvalidInputError('Invalid API key request', [{ path: 'id', message: 'must be a key id as `keys list` shows it' }]);
  }
  return db.transaction(async (tx) => {
    const revoked = await revokeApiKeys(tx, which);
    await recordChanges(
      tx,
      by,
      revoked.map((key) => ({ action: 'REVOKE', entity: 'API_KEY', key: key.dbId, before: { ...keyState(key), revokedAt: null }, after: keyState(key) })),
    );
    return revoked;
  });
}

export { listApiKeys };

/**
 * The caller an Authorization header names: null without one; an UnauthenticatedError for a header
 * that is not `Bearer <key>` or a key that is unknown or revoked.
 */
export async function callerFromAuthorization(db: Queryable, header: string | null | undefined): Promise<Caller | null> {
  if (header === undefined || header === null || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (!match) throw new UnauthenticatedError('Authorization: must be "Bearer <key>"');
  const key = match[1];
  const found = KEY_PATTERN.test(key) ? await activeKeyByHash(db, hashApiKey(key)) : null;
  if (!found) throw new UnauthenticatedError('Authorization: the API key is unknown or revoked');
  return { keyId: found.dbId, name: found.name, role: found.role };
}
