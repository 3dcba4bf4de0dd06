import type { Queryable } from '../db/database';

export interface PlaceRecord {
  entity: 'place';
  dbId: string;
  slug: string;
  name: string;
  countryId: string | null;
}

interface PlaceRow {
  id: string;
  slug: string;
  name: string;
  country_id: string | null;
}

const toPlace = (row: PlaceRow): PlaceRecord => ({
  entity: 'place',
  dbId: row.id,
  slug: row.slug,
  name: row.name,
  countryId: row.country_id,
});

export async function placesByIds(db: Queryable, ids: readonly string[]): Promise<PlaceRecord[]> {
  const rows = await db.query<PlaceRow>(
    'SELECT id::text, slug, name, country_id::text FROM places WHERE id = ANY($1::bigint[])',
    [ids],
  );
  return rows.map(toPlace);
}

export async function placesBySlugs(db: Queryable, slugs: readonly string[]): Promise<PlaceRecord[]> {
  const rows = await db.query<PlaceRow>(
    'SELECT id::text, slug, name, country_id::text FROM places WHERE slug = ANY($1::text[])',
    [slugs],
  );
  return rows.map(toPlace);
}
