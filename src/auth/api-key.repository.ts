import type { Queryable } from '../db/database';
import type { KeyRole } from './caller';

/** An API key as stored: never the key itself, only its hash and first characters. */
export interface ApiKeyRecord {
  dbId: string;
  name: string;
  role: KeyRole;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  role: KeyRole;
  key_prefix: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

const COLUMNS = 'id::text, name, role, key_prefix, created_at, revoked_at';
const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

const toApiKey = (row: ApiKeyRow): ApiKeyRecord => ({
  dbId: row.id,
  name: row.name,
  role: row.role,
  prefix: row.key_prefix,
  createdAt: date(row.created_at),
  revokedAt: row.revoked_at === null ? null : date(row.revoked_at),
});

export async function insertApiKey(
  tx: Queryable,
  key: { name: string; role: KeyRole; hash: string; prefix: string },
): Promise<ApiKeyRecord> {
  const [row] = await tx.query<ApiKeyRow>(
    `INSERT INTO api_keys (name, role, key_hash, key_prefix) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [key.name, key.role, key.hash, key.prefix],
  );
  return toApiKey(row);
}

/** The active (not revoked) key with this hash, if any. */
export async function activeKeyByHash(db: Queryable, hash: string): Promise<ApiKeyRecord | null> {
  const [row] = await db.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`, [hash]);
  return row ? toApiKey(row) : null;
}

/** Revokes the active keys with this id or name; returns them as they are after revoking. */
export async function revokeApiKeys(tx: Queryable, by: { id?: string; name?: string }): Promise<ApiKeyRecord[]> {
  const rows = await tx.query<ApiKeyRow>(
    `UPDATE api_keys SET revoked_at = now()
     WHERE revoked_at IS NULL AND (id = $1::bigint OR name = $2)
     RETURNING ${COLUMNS}`,
    [by.id ?? null, by.name ?? null],
  );
  return rows.map(toApiKey);
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyRecord[]> {
  const rows = await db.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys ORDER BY api_keys.id`);
  return rows.map(toApiKey);
}
