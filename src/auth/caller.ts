import { userInfo } from 'node:os';

/** Roles an API key can have. Admins may do everything editors may, and read the audit log. */
export const KEY_ROLES = ['editor', 'admin'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/** Who is writing: the holder of an API key, or the system itself (seeding, the command line). */
export interface Caller {
  /** The API key's id; null for writes made outside the API. */
  keyId: string | null;
  /** The key's name, "seed", or "cli:<os user>". */
  name: string;
  role: KeyRole | 'system';
}

/** The writer of seed/ on start and in `npm run seed`. */
export const SEED_CALLER: Caller = { keyId: null, name: 'seed', role: 'system' };

/** The writer of command-line imports and key changes: whoever runs the command on this machine. */
export function cliCaller(): Caller {
  let user = 'unknown';
  try {
    user = userInfo().username || user;
  } catch {
    // No passwd entry (some containers): the trail still says the write came from the command line.
  }
  return { keyId: null, name: `cli:${user}`, role: 'system' };
}
