import { createHash } from 'node:crypto';
import { InvalidInputError, type FieldProblem } from '../common/errors';
import { parsePartialDate, type PartialDateParts } from '../common/partial-date';
import type { Database, Queryable } from '../db/database';
import { recordChanges } from '../audit/audit.repository';
import { SEED_CALLER, type Caller } from '../auth/caller';
import { factStates } from '../editing/state.repository';
import type { ArticleBundleInput, EventInput, EvidenceInput } from './bundle.inputs';
import { bumpVersions, diffFacts, mergeFactIds, type FactChangeCounts } from '../editing/fact-changes';
import { articleMeta, factsNamedBy, factsOfArticle, type ArticleMeta } from './bundle.changes';
import { validateBundle } from './bundle.validate';

export interface LoadResult {
  article: string;
  /** False when the same bundle was already loaded: nothing was written. */
  changed: boolean;
  counts: { actors: number; places: number; roles: number; events: number; stances: number; evidence: number };
  /** Facts of the graph the load created, changed or removed (all 0 when nothing changed). */
  facts: FactChangeCounts;
}

type EvidenceOwner = 'actor_id' | 'place_id' | 'role_id' | 'membership_id' | 'event_id' | 'amount_id' | 'stance_id';

/**
 * Validates a bundle and writes it in one transaction. Slugs are natural keys: loading the same
 * bundle again changes nothing, an amended one updates what changed, and actors already in the
 * graph are linked, not duplicated. The article's facts are replaced as a whole; a fact left with
 * no evidence from any article is removed (a fact without evidence is not in the graph).
 * A fact's version goes up exactly when its state changed, and every change is recorded in the
 * audit trail under `by`, in the same transaction.
 */
export async function loadBundle(db: Database, raw: unknown, options: { by?: Caller } = {}): Promise<LoadResult> {
  const hash = contentHash(raw);
  // Seeding runs on every start: an article stored from this very content (validated then) is
  // answered without validating it again.
  const slug = (raw as { article?: { slug?: unknown } } | null)?.article?.slug;
  if (typeof slug === 'string') {
    const stored = await articleMeta(db, slug);
    if (stored?.contentHash === hash) return { article: slug, changed: false, counts: countsOf(raw as ArticleBundleInput), facts: { created: 0, updated: 0, deleted: 0 } };
  }
  const bundle = validateBundle(raw);
  return db.transaction(async (tx) => {
    // Processes loading the same article queue here; the later one then finds it loaded.
    // Advisory locks are database-wide; the schema in the key keeps separate graphs (schemas) apart.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext(current_schema() || $1))', [`:newsgraph:article:${bundle.article.slug}`]);
    const previous = await articleMeta(tx, bundle.article.slug);
    if (previous?.contentHash === hash) {
      return { article: bundle.article.slug, changed: false, counts: countsOf(bundle), facts: { created: 0, updated: 0, deleted: 0 } };
    }
    await checkAgainstGraph(tx, bundle);
    const named = await factsNamedBy(tx, previous?.dbId ?? null, bundle);
    const before = await factStates(tx, named);
    const articleId = await writeBundle(tx, bundle, hash);
    const after = await factStates(tx, mergeFactIds(named, await factsOfArticle(tx, articleId)));
    const changes = diffFacts(before, after);
    await bumpVersions(tx, changes);
    const counts = countsOf(bundle);
    const current = await articleMeta(tx, bundle.article.slug);
    const meta = (article: ArticleMeta | null) => article && { ...article, dbId: undefined };
    await recordChanges(tx, options.by ?? SEED_CALLER, [
      { action: 'IMPORT', entity: 'ARTICLE', key: bundle.article.slug, before: meta(previous), after: { ...meta(current), counts } },
      ...changes.map((c) => c.audit),
    ]);
    return { article: bundle.article.slug, changed: true, counts, facts: tally(changes) };
  });
}

function tally(changes: { audit: { action: string } }[]): FactChangeCounts {
  const count = (action: string) => changes.filter((c) => c.audit.action === action).length;
  return { created: count('CREATE'), updated: count('UPDATE'), deleted: count('DELETE') };
}

/**
 * The hash that tells an unchanged bundle from a changed one: of its content, whatever the key
 * order or the spelling of an absent field (null or left out), so that the same bundle sent as
 * a file or through the API is the same bundle.
 */
export function contentHash(raw: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .filter((key) => (value as Record<string, unknown>)[key] !== undefined && (value as Record<string, unknown>)[key] !== null)
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256').update(JSON.stringify(canonical(raw))).digest('hex');
}

function countsOf(bundle: ArticleBundleInput): LoadResult['counts'] {
  const spans = (items: { evidence: unknown[] }[] = []) => items.reduce((n, item) => n + item.evidence.length, 0);
  const evidence =
    spans(bundle.actors) +
    spans(bundle.actors.flatMap((a) => a.members ?? [])) +
    spans(bundle.places) +
    spans(bundle.roles) +
    spans(bundle.events) +
    spans(bundle.events.flatMap((e) => e.reportedEquivalents ?? [])) +
    spans(bundle.stances);
  return {
    actors: bundle.actors.length,
    places: bundle.places?.length ?? 0,
    roles: bundle.roles?.length ?? 0,
    events: bundle.events.length,
    stances: bundle.stances?.length ?? 0,
    evidence,
  };
}

/** Rules that need the stored graph: an actor or event already there keeps its kind. */
async function checkAgainstGraph(tx: Queryable, bundle: ArticleBundleInput): Promise<void> {
  const problems: FieldProblem[] = [];
  const actorKinds = new Map(
    (
      await tx.query<{ slug: string; kind: string }>('SELECT slug, kind FROM actors WHERE slug = ANY($1)', [
        bundle.actors.map((a) => a.slug),
      ])
    ).map((row) => [row.slug, row.kind]),
  );
  bundle.actors.forEach((actor, i) => {
    const kind = actorKinds.get(actor.slug);
    if (kind && kind !== actor.kind) problems.push({ path: `actors[${i}].kind`, message: `"${actor.slug}" is already a ${kind} in the graph` });
  });
  const eventKinds = new Map(
    (
      await tx.query<{ slug: string; kind: string }>('SELECT slug, kind FROM events WHERE slug = ANY($1)', [
        bundle.events.map((e) => e.slug),
      ])
    ).map((row) => [row.slug, row.kind]),
  );
  bundle.events.forEach((event, i) => {
    const kind = eventKinds.get(event.slug);
    if (kind && kind !== event.kind) problems.push({ path: `events[${i}].kind`, message: `"${event.slug}" is already a ${kind} in the graph` });
  });
  if (problems.length) throw new InvalidInputError(`Invalid article bundle: ${problems.length} problem(s)`, problems);
}

function dateColumns(text: string | null | undefined): [number | null, number | null, number | null] {
  if (!text) return [null, null, null];
  const parts = parsePartialDate(text) as PartialDateParts;
  return [parts.year, parts.month, parts.day];
}

/** Writes the bundle's rows; versions are left to bumpVersions, which knows what really changed. */
async function writeBundle(tx: Queryable, bundle: ArticleBundleInput, hash: string): Promise<string> {
  const { article } = bundle;
  const [publishedYear, publishedMonth, publishedDay] = dateColumns(article.publishedOn);
  const [{ id: articleId }] = await tx.query<{ id: string }>(
    `INSERT INTO articles (slug, title, published_year, published_month, published_day, url, text, content_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, published_year = EXCLUDED.published_year,
       published_month = EXCLUDED.published_month, published_day = EXCLUDED.published_day, url = EXCLUDED.url,
       text = EXCLUDED.text, content_hash = EXCLUDED.content_hash,
       version = articles.version + 1, updated_at = now()
     RETURNING id`,
    [article.slug, article.title, publishedYear, publishedMonth, publishedDay, article.url ?? null, article.text, hash],
  );
  // This article's facts are rewritten whole; evidence from other articles stays.
  await tx.query('DELETE FROM evidence WHERE article_id = $1', [articleId]);

  const addEvidence = async (owner: EvidenceOwner, ownerId: string, spans: EvidenceInput[]) => {
    for (const span of spans) {
      await tx.query(`INSERT INTO evidence (article_id, start_offset, end_offset, quote, ${owner}) VALUES ($1, $2, $3, $4, $5)`, [
        articleId,
        span.start,
        span.end,
        span.quote,
        ownerId,
      ]);
    }
  };

  const actorIds = new Map<string, string>();
  for (const actor of bundle.actors) {
    const [{ id }] = await tx.query<{ id: string }>(
      `INSERT INTO actors (slug, kind, name, aliases, iso_code, org_type) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, iso_code = EXCLUDED.iso_code, org_type = EXCLUDED.org_type,
         -- aliases gather over every article that names the actor, in the order first seen
         aliases = ARRAY(SELECT alias FROM unnest(actors.aliases || EXCLUDED.aliases) WITH ORDINALITY AS t(alias, n)
                         GROUP BY alias ORDER BY min(n))
       RETURNING id`,
      [actor.slug, actor.kind, actor.name, actor.aliases ?? [], actor.isoCode ?? null, actor.orgType ?? null],
    );
    actorIds.set(actor.slug, id);
    await addEvidence('actor_id', id, actor.evidence);
  }
  const actorId = (slug: string) => actorIds.get(slug) as string;

  for (const organization of bundle.actors) {
    for (const member of organization.members ?? []) {
      const [{ id }] = await tx.query<{ id: string }>(
        `INSERT INTO memberships (organization_id, member_id) VALUES ($1, $2)
         ON CONFLICT (organization_id, member_id) DO UPDATE SET member_id = EXCLUDED.member_id RETURNING id`,
        [actorId(organization.slug), actorId(member.actor)],
      );
      await addEvidence('membership_id', id, member.evidence);
    }
  }

  const placeIds = new Map<string, string>();
  for (const place of bundle.places ?? []) {
    const [{ id }] = await tx.query<{ id: string }>(
      `INSERT INTO places (slug, name, country_id) VALUES ($1, $2, $3)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, country_id = EXCLUDED.country_id
       RETURNING id`,
      [place.slug, place.name, place.country ? actorId(place.country) : null],
    );
    placeIds.set(place.slug, id);
    await addEvidence('place_id', id, place.evidence);
  }

  for (const role of bundle.roles ?? []) {
    const [sy, sm, sd] = dateColumns(role.since);
    const [uy, um, ud] = dateColumns(role.until);
    const [{ id }] = await tx.query<{ id: string }>(
      `INSERT INTO roles (person_id, title, of_actor_id, since_year, since_month, since_day, until_year, until_month, until_day)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (person_id, title, of_actor_id) DO UPDATE SET
         since_year = EXCLUDED.since_year, since_month = EXCLUDED.since_month, since_day = EXCLUDED.since_day,
         until_year = EXCLUDED.until_year, until_month = EXCLUDED.until_month, until_day = EXCLUDED.until_day
       RETURNING id`,
      [actorId(role.person), role.title, role.of ? actorId(role.of) : null, sy, sm, sd, uy, um, ud],
    );
    await addEvidence('role_id', id, role.evidence);
  }

  const eventIds = new Map<string, string>();
  for (const event of bundle.events) {
    const [y, m, d] = dateColumns(event.date);
    const isStatement = event.kind === 'STATEMENT';
    const [{ id }] = await tx.query<{ id: string }>(
      `INSERT INTO events (slug, kind, title, status, date_year, date_month, date_day, place_id,
         ordinal, purpose, agenda, purposes, quote, statement_mode, summary, category)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, status = EXCLUDED.status,
         date_year = EXCLUDED.date_year, date_month = EXCLUDED.date_month, date_day = EXCLUDED.date_day,
         place_id = EXCLUDED.place_id, ordinal = EXCLUDED.ordinal, purpose = EXCLUDED.purpose,
         agenda = EXCLUDED.agenda, purposes = EXCLUDED.purposes, quote = EXCLUDED.quote,
         statement_mode = EXCLUDED.statement_mode, summary = EXCLUDED.summary, category = EXCLUDED.category
       RETURNING id`,
      [
        event.slug,
        event.kind,
        event.title,
        event.status ?? 'OCCURRED',
        y,
        m,
        d,
        event.place ? placeIds.get(event.place) : null,
        event.ordinal ?? null,
        event.purpose ?? null,
        event.agenda ?? [],
        event.purposes ?? [],
        isStatement ? event.quote : null,
        isStatement ? (event.mode ?? 'DIRECT') : null,
        event.summary ?? null,
        event.category ?? null,
      ],
    );
    eventIds.set(event.slug, id);
    await addEvidence('event_id', id, event.evidence);

    await tx.query('DELETE FROM participations WHERE event_id = $1', [id]);
    let position = 0;
    for (const [slug, role] of participationsOf(event)) {
      await tx.query('INSERT INTO participations (event_id, actor_id, role, position) VALUES ($1, $2, $3, $4)', [
        id,
        actorId(slug),
        role,
        position++,
      ]);
    }

    await tx.query('DELETE FROM amounts WHERE event_id = $1', [id]);
    if (event.amount) {
      await tx.query('INSERT INTO amounts (event_id, amount, currency, qualifier, is_primary) VALUES ($1, $2, $3, $4, true)', [
        id,
        event.amount.amount,
        event.amount.currency,
        event.amount.qualifier,
      ]);
    }
    for (const equivalent of event.reportedEquivalents ?? []) {
      const [{ id: amountId }] = await tx.query<{ id: string }>(
        'INSERT INTO amounts (event_id, amount, currency, qualifier, is_primary) VALUES ($1, $2, $3, $4, false) RETURNING id',
        [id, equivalent.amount, equivalent.currency, equivalent.qualifier],
      );
      await addEvidence('amount_id', amountId, equivalent.evidence);
    }
  }

  for (const stance of bundle.stances ?? []) {
    const [{ id }] = await tx.query<{ id: string }>(
      `INSERT INTO stances (actor_id, proposal_id, position, conditions) VALUES ($1, $2, $3, $4)
       ON CONFLICT (actor_id, proposal_id) DO UPDATE SET position = EXCLUDED.position, conditions = EXCLUDED.conditions
       RETURNING id`,
      [actorId(stance.actor), eventIds.get(stance.proposal), stance.position, stance.conditions ?? []],
    );
    await addEvidence('stance_id', id, stance.evidence);
  }

  await pruneUnsupportedFacts(tx);
  return articleId;
}

/** Every (actor, role) an event's typed fields and participant list name, in a stable order. */
export function participationsOf(event: EventInput): [string, string][] {
  const out: [string, string][] = [];
  const add = (slug: string | null | undefined, role: string) => {
    if (slug && !out.some(([s, r]) => s === slug && r === role)) out.push([slug, role]);
  };
  for (const p of event.participants ?? []) add(p.actor, p.role ?? 'participant');
  for (const donor of event.donors ?? []) add(donor, 'donor');
  add(event.recipient, 'recipient');
  add(event.announcedBy, 'announcer');
  add(event.speaker, 'speaker');
  for (const subject of event.about ?? []) add(subject, 'subject');
  add(event.proposedBy, 'proposer');
  return out;
}

/** Removes facts that no article supports any more, in an order the foreign keys allow. */
async function pruneUnsupportedFacts(tx: Queryable): Promise<void> {
  await tx.query('DELETE FROM events e WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id)');
  await tx.query('DELETE FROM stances s WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.stance_id = s.id)');
  await tx.query('DELETE FROM roles r WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.role_id = r.id)');
  await tx.query('DELETE FROM memberships m WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.membership_id = m.id)');
  await tx.query(`DELETE FROM places p WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.place_id = p.id)
    AND NOT EXISTS (SELECT 1 FROM events e WHERE e.place_id = p.id)`);
  await tx.query(`DELETE FROM actors a WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.actor_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM participations p WHERE p.actor_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM stances s WHERE s.actor_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.of_actor_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM places p WHERE p.country_id = a.id)`);
}
