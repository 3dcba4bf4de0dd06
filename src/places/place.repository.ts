import type { Queryable } from '../db/database';

export interface PlaceRecord {
  entity: 'place';
  dbId: string;
  slug: string;
  name: string;
  countryId: string | null;
  version: number;
}

export interface PlaceRow {
  id: string;
  slug: string;
  name: string;
  country_id: string | null;
  version: number;
}

export const PLACE_COLUMNS = 'id::text, slug, name, country_id::text, version';

export const toPlace = (row: PlaceRow): PlaceRecord => ({
  entity: 'place',
  dbId: row.id,
  slug: row.slug,
  name: row.name,
  countryId: row.country_id,
  version: row.version,
});

export async function placesByIds(db: Queryable, ids: readonly string[]): Promise<PlaceRecord[]> {
  const rows = await db.query<PlaceRow>(
    `SELECT ${PLACE_COLUMNS} FROM places WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  return rows.map(toPlace);
}

export async function placesBySlugs(db: Queryable, slugs: readonly string[]): Promise<PlaceRecord[]> {
  const rows = await db.query<PlaceRow>(
    `SELECT ${PLACE_COLUMNS} FROM places WHERE slug = ANY($1::text[])`,
    [slugs],
  );
  return rows.map(toPlace);
}
