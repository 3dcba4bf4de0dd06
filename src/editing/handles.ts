import { badArgument } from '../common/errors';

/**
 * Ids of the things that have no slug (roles, evidence spans): opaque to clients like Relay ids,
 * they carry the row id, so they name one row for as long as it exists.
 */
export type HandleType = 'Role' | 'Evidence';

export function toHandle(type: HandleType, dbId: string): string {
  return Buffer.from(`${type}:${dbId}`).toString('base64url');
}

/** The row id a handle names; a bad-input error at `path` for anything this API did not give out. */
export function fromHandle(type: HandleType, handle: string, path: string): string {
  const decoded = Buffer.from(handle, 'base64url').toString('utf8');
  const match = new RegExp(`^${type}:(\\d{1,18})$`).exec(decoded);
  if (!match || toHandle(type, match[1]) !== handle) throw badArgument(path, `"${handle}" is not a ${type.toLowerCase()} id this API gave out`);
  return match[1];
}
