import { createHash } from 'node:crypto';
import { Random, ZipfSampler } from './generate.random';
import {
  emptyChunk,
  GRAPH_TABLES,
  type ActorRow,
  type AmountRow,
  type ArticleRow,
  type DateColumns,
  type EventKind,
  type EventRow,
  type EventStatus,
  type EvidenceOwner,
  type ExchangeRateRow,
  type GraphChunk,
  type PlaceRow,
  type StancePosition,
} from './generate.rows';
import {
  ACTIONS,
  COMPANY_SUFFIXES,
  COUNTRIES,
  COUNTRY_TITLES,
  CURRENCIES,
  DOMAINS,
  FIRST_NAMES,
  INDUSTRIES,
  MINISTRIES,
  MONTHS,
  ORG_NOUNS,
  ORG_TITLES,
  PERSON_TITLES,
  PLACE_SPACE,
  PLEDGE_PURPOSES,
  PROPOSAL_SUMMARIES,
  PURPOSES,
  QUOTE_NOUNS,
  QUOTE_VERBS,
  REGIONS,
  STANCE_CONDITIONS,
  TOPICS,
  placeName,
  surname,
} from './generate.vocabulary';

/** Bumped whenever the same seed would give a different graph. */
export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  /** How many events the graph holds. */
  events: number;
  /** Any text; the same seed (and events) gives the same graph. */
  seed: string;
}

export const MAX_EVENTS = 10_000_000;
export const SEED_RULE = /^[A-Za-z0-9_-]{1,64}$/;

/** Where generated articles point: a reserved (.invalid) host, naming the generator's inputs. */
export const GENERATED_URL_PREFIX = 'https://newsgraph.invalid/generated/';

export function generatedArticleUrl(options: GenerateOptions, slug: string): string {
  return `${GENERATED_URL_PREFIX}v${GENERATOR_VERSION}/seed/${options.seed}/events/${options.events}/${slug}`;
}

/** Reads the generator's inputs back from an article url; null for an article it did not write. */
export function parseGeneratedUrl(url: string | null): { version: number; seed: string; events: number } | null {
  const m = url ? /^https:\/\/newsgraph\.invalid\/generated\/v(\d+)\/seed\/([A-Za-z0-9_-]+)\/events\/(\d+)\//.exec(url) : null;
  return m ? { version: Number(m[1]), seed: m[2], events: Number(m[3]) } : null;
}

/** The generated timeline: articles spread evenly over these ten years. */
const FIRST_DAY = Date.UTC(2016, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2025, 11, 31) / 86_400_000;
/** Exchange rates: one per quarter for each currency, from 2015 to 2026. */
const RATE_FIRST_YEAR = 2015;
const RATE_LAST_YEAR = 2026;

type Kind = ActorRow['kind'];

interface Person {
  id: number;
  name: string;
  surname: string;
}

/** One sentence of an article with named sub-spans, so that evidence can point inside it. */
class Sentence {
  text = '';
  readonly marks = new Map<string, [number, number]>();

  add(part: string): this {
    this.text += part;
    return this;
  }

  mark(key: string, part: string): this {
    this.marks.set(key, [this.text.length, this.text.length + part.length]);
    return this.add(part);
  }
}

interface PendingEvidence {
  sentence: Sentence;
  /** A mark of the sentence, or the whole sentence when null. */
  mark: string | null;
  owner: EvidenceOwner;
  ownerId: number;
}

/** An article being written: paragraphs of sentences, then the evidence rows pointing into them. */
class ArticleDraft {
  private readonly paragraphs: Sentence[][] = [[]];
  private readonly evidence: PendingEvidence[] = [];

  /** Adds a sentence; evidence(owner, id, mark) then ties a fact to it or to one of its marks. */
  add(sentence: Sentence) {
    // "the United States ..." opens a sentence as "The United States ..." (same length, spans stay).
    if (/^[a-z]/.test(sentence.text)) sentence.text = sentence.text[0].toUpperCase() + sentence.text.slice(1);
    this.paragraphs[this.paragraphs.length - 1].push(sentence);
    return {
      evidence: (owner: EvidenceOwner, ownerId: number, mark: string | null = null) =>
        this.evidence.push({ sentence, mark, owner, ownerId }),
    };
  }

  newParagraph(): void {
    if (this.paragraphs[this.paragraphs.length - 1].length) this.paragraphs.push([]);
  }

  /** The text and its evidence spans; every quote is the text's own slice. */
  finish(articleId: number, nextEvidenceId: () => number, out: GraphChunk): string {
    const offsets = new Map<Sentence, number>();
    let text = '';
    this.paragraphs.forEach((paragraph, p) => {
      if (!paragraph.length) return;
      if (p > 0 && text) text += '\n\n';
      paragraph.forEach((sentence, s) => {
        if (s > 0) text += ' ';
        offsets.set(sentence, text.length);
        text += sentence.text;
      });
    });
    for (const pending of this.evidence) {
      const base = offsets.get(pending.sentence) as number;
      const [from, to] = pending.mark ? (pending.sentence.marks.get(pending.mark) as [number, number]) : [0, pending.sentence.text.length];
      const start = base + from;
      const end = base + to;
      out.evidence.push({ id: nextEvidenceId(), articleId, start, end, quote: text.slice(start, end), owner: pending.owner, ownerId: pending.ownerId });
    }
    return text;
  }
}

export function slugify(text: string, maxLength = 60): string {
  let slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > maxLength) slug = slug.slice(0, maxLength).replace(/-[^-]*$/, '') || slug.slice(0, maxLength);
  return slug.replace(/-+$/, '') || 'x';
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function ordinalWord(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  if (n <= words.length) return words[n - 1];
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function dayToParts(day: number): [number, number, number] {
  const date = new Date(day * 86_400_000);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

function datePhrase([year, month, day]: DateColumns): string {
  if (year === null) return '';
  if (month === null) return ` in ${year}`;
  if (day === null) return ` in ${MONTHS[month - 1]} ${year}`;
  return ` on ${MONTHS[month - 1]} ${day}, ${year}`;
}

/** An amount as an exact decimal string: mantissa followed by zeros (no float formatting). */
interface Money {
  mantissa: number;
  exponent: number;
}

function roundSignificant(value: number, digits: number): Money {
  const exponent = Math.max(0, Math.floor(Math.log10(value)) - digits + 1);
  return { mantissa: Math.max(1, Math.round(value / 10 ** exponent)), exponent };
}

function moneyDecimal(money: Money): string {
  return String(money.mantissa) + '0'.repeat(money.exponent);
}

function moneyWords(money: Money): string {
  const digits = moneyDecimal(money);
  for (const [size, word] of [[9, 'billion'], [6, 'million']] as const) {
    if (digits.length > size) {
      const whole = digits.slice(0, -size);
      const fraction = digits.slice(-size).replace(/0+$/, '');
      return `${whole}${fraction ? `.${fraction}` : ''} ${word}`;
    }
  }
  return digits;
}

const QUALIFIER_WORDS: Record<AmountRow['qualifier'], string> = { EXACT: '', AT_LEAST: 'more than ', ABOUT: 'about ', AT_MOST: 'up to ' };

const PLEDGE_CURRENCIES: readonly (readonly [string, number])[] = [
  ['EUR', 30], ['USD', 30], ['GBP', 10], ['JPY', 8], ['UAH', 5], ['CHF', 4], ['CAD', 4], ['PLN', 3], ['SEK', 2], ['NOK', 2], ['AUD', 2],
];

interface QuoteTemplate {
  /** The words, given the subjects' names. */
  words: (subject: string, other: string, rng: Random) => string;
  /** Whether it reads in reported speech ("X said that ..."): third person only. */
  indirect: boolean;
}

const QUOTES: QuoteTemplate[] = [
  { words: (s, _o, r) => `We will continue to ${r.pick(QUOTE_VERBS)} ${s}`, indirect: false },
  { words: (s, _o, r) => `${s} is still not interested in ${r.pick(QUOTE_NOUNS)}`, indirect: true },
  { words: (s, _o, r) => `There can be no ${r.pick(QUOTE_NOUNS)} without ${s}`, indirect: true },
  { words: (s) => `We are sending a clear signal to ${s}`, indirect: false },
  { words: (s, _o, r) => `The talks with ${s} were constructive and focused on ${r.pick(TOPICS)}`, indirect: true },
  { words: (s, _o, r) => `${s} must return to the table and choose ${r.pick(QUOTE_NOUNS)}`, indirect: true },
  { words: (s, o, r) => `${s} and ${o} share an interest in ${r.pick(QUOTE_NOUNS)}`, indirect: true },
  { words: (s, _o, r) => `Our ${r.pick(QUOTE_NOUNS)} depends on what ${s} does next`, indirect: false },
];

/**
 * Builds a synthetic news graph from a seed: the reference part first (rates, actors, places,
 * roles, memberships and the who's-who articles that introduce them), then events in chunks of
 * whole articles, so that a million events never need to be in memory at once. Every fact carries
 * at least one evidence span, and every span's quote is the article text's own slice.
 */
export class GraphGenerator {
  readonly actorCount: number;
  readonly countryCount: number;
  readonly organizationCount: number;
  readonly personCount: number;
  readonly placeCount: number;

  private readonly actors: ActorRow[] = [];
  private readonly countries: ActorRow[] = [];
  private readonly organizations: ActorRow[] = [];
  private readonly people: Person[] = [];
  private readonly places: PlaceRow[] = [];
  /** Places by country id. */
  private readonly placesOf = new Map<number, PlaceRow[]>();
  private readonly currencyOf = new Map<number, string>();
  /** Actors a sentence names with "the" (the United States, the Baltic Energy Alliance). */
  private readonly definite = new Set<number>();
  /** Per currency, 1 EUR = rate, one per quarter from RATE_FIRST_YEAR. */
  private readonly perEuro = new Map<string, number[]>();

  private readonly personPick: ZipfSampler;
  private readonly countryPick: ZipfSampler;
  private readonly organizationPick: ZipfSampler;
  private readonly placePick: ZipfSampler;

  /** Occurred two-party meetings so far, by pair: the next one's ordinal. */
  private readonly pairMeetings = new Map<string, number>();
  private readonly ids = { article: 0, event: 0, participation: 0, amount: 0, stance: 0, evidence: 0 };

  constructor(readonly options: GenerateOptions) {
    const n = options.events;
    this.actorCount = Math.max(40, Math.round(n / 20));
    this.countryCount = Math.min(COUNTRIES.length, Math.max(8, Math.round(this.actorCount * 0.1)));
    this.organizationCount = Math.max(6, Math.round(this.actorCount * 0.15));
    this.personCount = this.actorCount - this.countryCount - this.organizationCount;
    this.placeCount = Math.min(PLACE_SPACE / 2, Math.max(this.countryCount * 2, Math.round(n / 100)));
    this.personPick = new ZipfSampler(this.personCount, 1.0, 3);
    this.countryPick = new ZipfSampler(this.countryCount, 1.0, 1);
    this.organizationPick = new ZipfSampler(this.organizationCount, 1.0, 3);
    this.placePick = new ZipfSampler(this.placeCount, 0.9);
  }

  /** The whole graph as chunks: the reference chunk, then events in chunks of about eventsPerChunk. */
  *chunks(eventsPerChunk = 5000): Generator<GraphChunk> {
    yield this.referenceChunk();
    const layout = Random.derive(this.options.seed, 'layout');
    const eventsRng = Random.derive(this.options.seed, 'events');
    // Articles of 12-28 events each, spread evenly over the timeline.
    const sizes: number[] = [];
    for (let left = this.options.events; left > 0; ) {
      const size = Math.min(left, layout.int(12, 28));
      sizes.push(size);
      left -= size;
    }
    let chunk = emptyChunk();
    for (let i = 0; i < sizes.length; i++) {
      const day = FIRST_DAY + Math.floor((i * (LAST_DAY - FIRST_DAY + 1)) / sizes.length);
      this.writeNewsArticle(eventsRng, sizes[i], day, chunk);
      if (chunk.events.length >= eventsPerChunk) {
        yield chunk;
        chunk = emptyChunk();
      }
    }
    if (chunk.events.length) yield chunk;
  }

  // ---------------------------------------------------------------- reference data

  private referenceChunk(): GraphChunk {
    const out = emptyChunk();
    const rng = Random.derive(this.options.seed, 'world');
    out.exchangeRates = this.exchangeRates(rng);
    const usedSlugs = new Set<string>();
    const uniqueSlug = (text: string) => {
      const base = slugify(text);
      let slug = base;
      for (let i = 2; usedSlugs.has(slug); i++) slug = `${base}-${i}`;
      usedSlugs.add(slug);
      return slug;
    };
    const addActor = (kind: Kind, name: string, aliases: string[], isoCode: string | null, orgType: string | null) => {
      const row: ActorRow = { id: this.actors.length + 1, slug: uniqueSlug(name), kind, name, aliases, isoCode, orgType };
      this.actors.push(row);
      return row;
    };

    // Countries: a seeded choice of real ones; the order is also their rank in the news.
    for (const [name, iso, currency] of rng.shuffle(COUNTRIES).slice(0, this.countryCount)) {
      const row = addActor('COUNTRY', name, [], iso, null);
      if (/^(United|Netherlands|Philippines)/.test(name)) this.definite.add(row.id);
      this.countries.push(row);
      this.currencyOf.set(row.id, currency);
    }
    const capitals = new Map(COUNTRIES.map(([name, , , capital]) => [name, capital]));

    const orgNames = new Set<string>();
    while (this.organizations.length < this.organizationCount) {
      const style = rng.weighted([['bloc', 60], ['company', 25], ['ministry', 15]] as const);
      let name: string;
      let aliases: string[] = [];
      let orgType: string;
      if (style === 'bloc') {
        const [noun, type] = rng.pick(ORG_NOUNS);
        name = `${rng.pick(REGIONS)} ${rng.pick(DOMAINS)} ${noun}`;
        aliases = [name.split(/[\s-]+/).map((w) => w[0]).join('').toUpperCase()];
        orgType = type;
      } else if (style === 'company') {
        name = `${surname((items) => rng.pick(items))} ${rng.pick(INDUSTRIES)} ${rng.pick(COMPANY_SUFFIXES)}`;
        orgType = 'company';
      } else {
        name = `Ministry of ${rng.pick(MINISTRIES)} of ${this.countries[this.countryPick.draw(rng)].name}`;
        orgType = 'government';
      }
      if (orgNames.has(name)) continue;
      orgNames.add(name);
      const row = addActor('ORGANIZATION', name, aliases, null, orgType);
      if (orgType !== 'company') this.definite.add(row.id);
      this.organizations.push(row);
    }

    const personNames = new Set<string>();
    while (this.people.length < this.personCount) {
      const last = surname((items) => rng.pick(items));
      const name = `${rng.pick(FIRST_NAMES)} ${last}`;
      // Past the name space, a middle initial keeps names distinct.
      const full = personNames.has(name) ? `${name.split(' ')[0]} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}` : name;
      if (personNames.has(full)) continue;
      personNames.add(full);
      const row = addActor('PERSON', full, [last], null, null);
      this.people.push({ id: row.id, name: full, surname: last });
    }
    out.actors = this.actors;

    // Places: each country's capital, then towns, more of them in the countries in the news most.
    const placeNames = new Set<string>();
    const addPlace = (name: string, country: ActorRow) => {
      const row: PlaceRow = { id: this.places.length + 1, slug: uniqueSlug(`${name}-${country.isoCode}`), name, countryId: country.id };
      placeNames.add(name);
      this.places.push(row);
      const list = this.placesOf.get(country.id) ?? [];
      list.push(row);
      this.placesOf.set(country.id, list);
      return row;
    };
    for (const country of this.countries) addPlace(capitals.get(country.name) as string, country);
    while (this.places.length < this.placeCount) {
      const name = placeName((items) => rng.pick(items));
      if (!placeNames.has(name)) addPlace(name, this.countries[this.countryPick.draw(rng)]);
    }
    // Ranks of places in the news: capitals first, then the towns in a seeded order.
    const ranked = [...this.places.slice(0, this.countries.length), ...rng.shuffle(this.places.slice(this.countries.length))];
    this.places.splice(0, this.places.length, ...ranked);
    out.places = [...ranked].sort((a, b) => a.id - b.id);

    // Who's who: the articles that introduce every actor, place, role and membership.
    const draft = { current: new ArticleDraft(), sentences: 0, part: 1 };
    const flush = (force: boolean) => {
      if (!force && draft.sentences < 60) return;
      if (draft.sentences === 0) return;
      const id = ++this.ids.article;
      const title = `Who's who in world affairs, part ${draft.part}`;
      const slug = slugify(`whos-who-in-world-affairs-part-${draft.part}-${id}`);
      const text = draft.current.finish(id, () => ++this.ids.evidence, out);
      out.articles.push(this.articleRow(id, slug, title, dayToParts(LAST_DAY), text));
      draft.current = new ArticleDraft();
      draft.sentences = 0;
      draft.part++;
    };
    const say = (sentence: Sentence) => {
      if (draft.sentences % 5 === 0) draft.current.newParagraph();
      draft.sentences++;
      return draft.current.add(sentence);
    };

    for (const country of this.countries) {
      const capital = (this.placesOf.get(country.id) as PlaceRow[])[0];
      const s = new Sentence().add(this.definite.has(country.id) ? 'The ' : '').mark('name', country.name).add(` (${country.isoCode}) is a country whose capital is `).mark('capital', capital.name).add('.');
      const said = say(s);
      said.evidence('actor_id', country.id, 'name');
      said.evidence('place_id', capital.id, 'capital');
      flush(false);
    }
    for (const place of out.places) {
      if (place.id <= this.countries.length) continue;
      const country = this.actors[place.countryId - 1];
      say(new Sentence().mark('name', place.name).add(` is a city in ${this.the(country)}.`)).evidence('place_id', place.id, 'name');
      flush(false);
    }
    for (const org of this.organizations) {
      const s = new Sentence().add(this.definite.has(org.id) ? 'The ' : '').mark('name', org.name);
      if (org.aliases.length) s.add(` (${org.aliases[0]})`);
      s.add(` is ${org.orgType === 'government' ? 'a government ministry' : /^[aeiou]/.test(org.orgType as string) ? `an ${org.orgType}` : `a ${org.orgType}`}.`);
      say(s).evidence('actor_id', org.id, 'name');
      const members = new Set<number>();
      if (org.orgType !== 'company' && org.orgType !== 'government') {
        const wantPeople = org.orgType === 'group' || org.orgType === 'institute';
        const count = wantPeople ? rng.int(2, 5) : rng.int(3, 10);
        for (let tries = 0; members.size < count && tries < count * 5; tries++) {
          members.add(wantPeople ? this.people[this.personPick.draw(rng)].id : this.countries[this.countryPick.draw(rng)].id);
        }
      }
      for (const memberId of members) {
        const id = out.memberships.length + 1;
        out.memberships.push({ id, organizationId: org.id, memberId });
        say(new Sentence().add(`${this.the(this.actors[memberId - 1])} is a member of ${this.the(org)}.`)).evidence('membership_id', id);
      }
      flush(false);
    }
    for (const person of this.people) {
      const roleCount = rng.weighted([[0, 8], [1, 77], [2, 15]] as const);
      if (roleCount === 0) {
        const place = this.places[this.placePick.draw(rng)];
        const what = rng.pick(['an analyst', 'a commentator', 'an activist', 'a former diplomat', 'a historian']);
        say(new Sentence().mark('name', person.name).add(` is ${what} based in ${place.name}.`)).evidence('actor_id', person.id, 'name');
      }
      const held = new Set<string>();
      for (let r = 0; r < roleCount; r++) {
        const ofKind = rng.weighted([['COUNTRY', 60], ['ORGANIZATION', 30], ['PERSON', 10]] as const);
        let of: ActorRow;
        let title: string;
        if (ofKind === 'COUNTRY') {
          of = this.countries[this.countryPick.draw(rng)];
          title = rng.pick(COUNTRY_TITLES);
        } else if (ofKind === 'ORGANIZATION') {
          of = this.organizations[this.organizationPick.draw(rng)];
          title = rng.pick(ORG_TITLES);
        } else {
          of = this.actors[this.people[this.personPick.draw(rng)].id - 1];
          title = rng.pick(PERSON_TITLES);
        }
        const key = `${title}|${of.id}`;
        if (of.id === person.id || held.has(key)) continue;
        held.add(key);
        const since = this.roleDate(rng, 0.65, 2005, 2024);
        const until = since[0] !== null && rng.chance(0.2) ? this.roleDate(rng, 1, since[0] + 1, 2025) : ([null, null, null] as DateColumns);
        const id = out.roles.length + 1;
        out.roles.push({ id, personId: person.id, title, ofActorId: of.id, since, until });
        const s = new Sentence();
        if (held.size === 1) s.mark('name', person.name);
        else s.add(person.surname).add(' is also');
        if (held.size === 1) s.add(until[0] !== null ? ' served as ' : ' serves as ');
        else s.add(until[0] !== null ? ' a former ' : ' ');
        s.add(`${title} of ${this.the(of)}`);
        if (since[0] !== null) s.add(until[0] !== null ? `, from${datePhrase(since).replace(/^ (in|on)/, '')} until${datePhrase(until).replace(/^ (in|on)/, '')}` : `, since${datePhrase(since).replace(/^ (in|on)/, '')}`);
        const said = say(s.add('.'));
        if (held.size === 1) said.evidence('actor_id', person.id, 'name');
        said.evidence('role_id', id);
      }
      if (held.size === 0 && roleCount > 0) {
        say(new Sentence().mark('name', person.name).add(' is a political figure.')).evidence('actor_id', person.id, 'name');
      }
      flush(false);
    }
    flush(true);
    return out;
  }

  private roleDate(rng: Random, known: number, fromYear: number, toYear: number): DateColumns {
    if (!rng.chance(known)) return [null, null, null];
    const year = rng.int(fromYear, Math.max(fromYear, toYear));
    const precision = rng.weighted([['DAY', 40], ['MONTH', 30], ['YEAR', 30]] as const);
    if (precision === 'YEAR') return [year, null, null];
    const month = rng.int(1, 12);
    return precision === 'MONTH' ? [year, month, null] : [year, month, rng.int(1, 28)];
  }

  private exchangeRates(rng: Random): ExchangeRateRow[] {
    const rows: ExchangeRateRow[] = [];
    for (const [currency, start] of CURRENCIES) {
      const series: number[] = [];
      let rate = start;
      for (let year = RATE_FIRST_YEAR; year <= RATE_LAST_YEAR; year++) {
        for (let quarter = 0; quarter < 4; quarter++) {
          // A random walk of at most 3% a quarter around the starting level.
          rate = rate * (1 + (rng.next() - 0.5) * 0.06);
          const text = rate.toFixed(rate >= 10 ? 4 : 6);
          series.push(Number(text));
          rows.push({
            id: 0,
            base: 'EUR',
            quote: currency,
            rate: text,
            asOf: `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`,
            source: `generated (seed ${this.options.seed}): a random walk around ${start}`,
          });
        }
      }
      this.perEuro.set(currency, series);
    }
    rows.forEach((row, i) => (row.id = i + 1));
    return rows;
  }

  private rateOn(currency: string, [year, month]: DateColumns): number {
    if (currency === 'EUR') return 1;
    const series = this.perEuro.get(currency) as number[];
    const y = Math.min(RATE_LAST_YEAR, Math.max(RATE_FIRST_YEAR, year ?? 2025));
    const quarter = Math.floor(((month ?? 7) - 1) / 3);
    return series[(y - RATE_FIRST_YEAR) * 4 + quarter];
  }

  private articleRow(id: number, slug: string, title: string, [y, m, d]: [number, number, number], text: string): ArticleRow {
    return {
      id,
      slug,
      title,
      publishedYear: y,
      publishedMonth: m,
      publishedDay: d,
      url: generatedArticleUrl(this.options, slug),
      text,
      contentHash: createHash('sha256').update(text).digest('hex'),
    };
  }

  // ---------------------------------------------------------------- events

  /** How a sentence names an actor: "the United States", "Anna Varga". */
  private the(actor: ActorRow): string {
    return this.definite.has(actor.id) ? `the ${actor.name}` : actor.name;
  }

  private person(rng: Random): ActorRow {
    return this.actors[this.people[this.personPick.draw(rng)].id - 1];
  }

  private country(rng: Random): ActorRow {
    return this.countries[this.countryPick.draw(rng)];
  }

  private organization(rng: Random): ActorRow {
    return this.organizations[this.organizationPick.draw(rng)];
  }

  private actorOf(rng: Random, weights: readonly (readonly [Kind, number])[]): ActorRow {
    const kind = rng.weighted(weights);
    return kind === 'PERSON' ? this.person(rng) : kind === 'COUNTRY' ? this.country(rng) : this.organization(rng);
  }

  /** count distinct actors (fewer if the graph is too small), drawn by weight and activity. */
  private distinctActors(rng: Random, count: number, weights: readonly (readonly [Kind, number])[], exclude: number[] = []): ActorRow[] {
    const out: ActorRow[] = [];
    const seen = new Set(exclude);
    for (let tries = 0; out.length < count && tries < count * 20; tries++) {
      const actor = this.actorOf(rng, weights);
      if (seen.has(actor.id)) continue;
      seen.add(actor.id);
      out.push(actor);
    }
    return out;
  }

  private place(rng: Random): PlaceRow {
    return this.places[this.placePick.draw(rng)];
  }

  /** An event's date, relative to the day its article appears, as the status allows. */
  private eventDate(rng: Random, status: EventStatus, articleDay: number): DateColumns {
    const [ay, am] = dayToParts(articleDay);
    if (status === 'POTENTIAL') return rng.chance(0.3) ? [ay + rng.int(0, 1), null, null] : [null, null, null];
    if (status === 'PLANNED') {
      const [y, m, d] = dayToParts(articleDay + rng.int(5, 90));
      const precision = rng.weighted([['DAY', 60], ['MONTH', 30], ['NONE', 10]] as const);
      return precision === 'DAY' ? [y, m, d] : precision === 'MONTH' ? [y, m, null] : [null, null, null];
    }
    const precision = rng.weighted([['DAY', 74], ['MONTH', 8], ['YEAR', 8], ['NONE', 10]] as const);
    if (precision === 'DAY') return dayToParts(articleDay - rng.int(0, 3));
    if (precision === 'MONTH') {
      const back = rng.int(1, 11);
      const months = ay * 12 + (am - 1) - back;
      return [Math.floor(months / 12), (months % 12) + 1, null];
    }
    if (precision === 'YEAR') return [ay - rng.int(1, 6), null, null];
    return [null, null, null];
  }

  private newEvent(kind: EventKind, title: string, status: EventStatus, date: DateColumns, placeId: number | null): EventRow {
    const id = ++this.ids.event;
    return {
      id,
      slug: `${slugify(title)}-${id}`,
      kind,
      title: title[0].toUpperCase() + title.slice(1),
      status,
      date,
      placeId,
      ordinal: null,
      purpose: null,
      agenda: [],
      purposes: [],
      quote: null,
      statementMode: null,
      summary: null,
      category: null,
    };
  }

  private participate(out: GraphChunk, event: EventRow, actors: ActorRow[], roles: string[]): void {
    actors.forEach((actor, position) => {
      out.participations.push({ id: ++this.ids.participation, eventId: event.id, actorId: actor.id, role: roles[position], position });
    });
  }

  private writeNewsArticle(rng: Random, eventCount: number, day: number, out: GraphChunk): void {
    const draft = new ArticleDraft();
    const articleId = ++this.ids.article;
    let headline = '';
    for (let i = 0; i < eventCount; i++) {
      if (i === 1 || (i > 1 && rng.chance(0.35))) draft.newParagraph();
      const kind = rng.weighted([['MEETING', 30], ['STATEMENT', 25], ['ACTION', 15], ['PLEDGE', 12], ['GATHERING', 10], ['PROPOSAL', 8]] as const);
      let event: EventRow;
      switch (kind) {
        case 'MEETING':
          event = this.meeting(rng, day, draft, out);
          break;
        case 'GATHERING':
          event = this.gathering(rng, day, draft, out);
          break;
        case 'PLEDGE':
          event = this.pledge(rng, day, draft, out);
          break;
        case 'STATEMENT':
          event = this.statement(rng, day, draft, out);
          break;
        case 'PROPOSAL':
          event = this.proposal(rng, day, draft, out);
          break;
        default:
          event = this.action(rng, day, draft, out);
      }
      out.events.push(event);
      if (i === 0) headline = event.title;
    }
    const slug = `${slugify(headline, 50)}-${articleId}`;
    const text = draft.finish(articleId, () => ++this.ids.evidence, out);
    out.articles.push(this.articleRow(articleId, slug, headline, dayToParts(day), text));
  }

  private meeting(rng: Random, day: number, draft: ArticleDraft, out: GraphChunk): EventRow {
    const size = rng.weighted([[2, 60], [3, 16], [4, 10], [5, 8], [6, 6]] as const);
    const weights = rng.chance(0.85) ? ([['PERSON', 1]] as const) : ([['PERSON', 60], ['COUNTRY', 30], ['ORGANIZATION', 10]] as const);
    let who = this.distinctActors(rng, size, weights);
    if (who.length < 2) who = this.distinctActors(rng, 2, [['PERSON', 1], ['COUNTRY', 1]] as const);
    const status = rng.weighted([['OCCURRED', 86], ['PLANNED', 9], ['POTENTIAL', 5]] as const);
    const hosted = rng.chance(0.65);
    const roles = who.map((_, i) => (hosted ? (i === 0 ? 'host' : 'guest') : 'participant'));
    const place = status !== 'POTENTIAL' && rng.chance(0.75) ? this.place(rng) : null;
    const date = this.eventDate(rng, status, day);
    const names = who.map((a) => this.the(a));
    const [host, ...guests] = names;
    const at = place ? ` in ${place.name}` : '';
    let ordinal: number | null = null;
    if (who.length === 2 && status === 'OCCURRED') {
      const pair = who[0].id < who[1].id ? `${who[0].id}-${who[1].id}` : `${who[1].id}-${who[0].id}`;
      ordinal = (this.pairMeetings.get(pair) ?? 0) + 1;
      this.pairMeetings.set(pair, ordinal);
    }
    let title: string;
    if (status === 'PLANNED') title = `${hosted ? listOf(guests) : names[0]} to meet ${hosted ? host : listOf(names.slice(1))}${at}`;
    else if (status === 'POTENTIAL') title = `Possible meeting between ${listOf(names)}`;
    else if (hosted && ordinal !== null && ordinal > 1) title = `${guests[0]} holds ${ordinalWord(ordinal)} meeting with ${host}${at}`;
    else if (hosted) title = `${host} hosts ${listOf(guests)}${at}`;
    else title = `${listOf(names)} meet${at}`;
    const event = this.newEvent('MEETING', title, status, date, place?.id ?? null);
    event.ordinal = ordinal;
    if (rng.chance(0.45)) event.purpose = rng.pick(PURPOSES);
    if (rng.chance(0.6)) event.agenda = rng.sample(TOPICS, rng.int(1, 3));

    const s = new Sentence();
    const when = datePhrase(date);
    if (status === 'PLANNED') {
      s.add(`${hosted ? listOf(guests) : names[0]} ${hosted && guests.length > 1 ? 'are' : 'is'} expected to meet ${hosted ? host : listOf(names.slice(1))}${at}${when}`);
    } else if (status === 'POTENTIAL') {
      s.add(`A meeting between ${listOf(names)} is possible${when}, officials said`);
    } else {
      s.add(hosted ? `${host} received ${listOf(guests)}${at}${when}` : `${listOf(names)} met${at}${when}`);
      if (ordinal !== null) s.add(`, their ${ordinalWord(ordinal)} meeting`);
    }
    if (event.purpose) s.add(`, to ${event.purpose}`);
    if (event.agenda.length) s.add(`; the agenda included ${listOf(event.agenda)}`);
    draft.add(s.add('.')).evidence('event_id', event.id);
    this.participate(out, event, who, roles);
    return event;
  }

  private gathering(rng: Random, day: number, draft: ArticleDraft, out: GraphChunk): EventRow {
    const who = this.distinctActors(rng, rng.int(3, 10), [['PERSON', 45], ['COUNTRY', 40], ['ORGANIZATION', 15]] as const);
    const status = rng.weighted([['OCCURRED', 90], ['PLANNED', 7], ['ONGOING', 3]] as const);
    const place = rng.chance(0.95) ? this.place(rng) : null;
    const date = this.eventDate(rng, status, day);
    const topic = rng.pick(TOPICS);
    const hosted = rng.chance(0.4);
    const roles = who.map((_, i) => (hosted && i === 0 ? 'host' : 'attendee'));
    const at = place ? ` in ${place.name}` : '';
    const title = hosted ? `${this.the(who[0])} hosts a summit on ${topic}${at}` : `Leaders gather${at} for talks on ${topic}`;
    const event = this.newEvent('GATHERING', title, status, date, place?.id ?? null);
    const attendees = listOf((hosted ? who.slice(1) : who).map((a) => this.the(a)));
    const verb = status === 'PLANNED' ? 'are expected to gather' : status === 'ONGOING' ? 'are gathered' : 'gathered';
    const s = new Sentence().add(`${attendees} ${verb}${at}${datePhrase(date)} for a summit on ${topic}`);
    if (hosted) s.add(`, hosted by ${this.the(who[0])}`);
    draft.add(s.add('.')).evidence('event_id', event.id);
    this.participate(out, event, who, roles);
    return event;
  }

  private pledge(rng: Random, day: number, draft: ArticleDraft, out: GraphChunk): EventRow {
    const donors = this.distinctActors(rng, rng.weighted([[1, 70], [2, 20], [3, 10]] as const), [['COUNTRY', 75], ['ORGANIZATION', 25]] as const);
    const recipient = this.distinctActors(rng, 1, [['COUNTRY', 1]] as const, donors.map((d) => d.id))[0] ?? this.organization(rng);
    const announcer = rng.chance(0.7) ? this.distinctActors(rng, 1, [['PERSON', 1]] as const)[0] : null;
    const status = rng.weighted([['OCCURRED', 92], ['PLANNED', 8]] as const);
    const date = this.eventDate(rng, status, day);
    const place = rng.chance(0.5) ? this.place(rng) : null;
    const home = this.currencyOf.get(donors[0].id);
    const currency = home && rng.chance(0.65) ? home : rng.weighted(PLEDGE_CURRENCIES);
    const qualifier = rng.weighted([['EXACT', 50], ['AT_LEAST', 25], ['ABOUT', 20], ['AT_MOST', 5]] as const);
    // Sizes in euros from 5 million to about 50 billion (log-uniform), stated in the pledge's currency.
    const euros = 5e6 * Math.pow(10, rng.next() * 4);
    const rateDate: DateColumns = date[0] === null ? dayToParts(day) : date;
    const amount = roundSignificant(euros * this.rateOn(currency, rateDate), rng.chance(0.7) ? 2 : 3);
    const money = `${QUALIFIER_WORDS[qualifier]}${currency} ${moneyWords(amount)}`;
    const purposes = rng.chance(0.85) ? rng.sample(PLEDGE_PURPOSES, rng.int(1, 3)) : [];
    const donorNames = listOf(donors.map((d) => this.the(d)));
    const title = `${donorNames} ${status === 'PLANNED' ? (donors.length > 1 ? 'are expected to pledge' : 'is expected to pledge') : donors.length > 1 ? 'pledge' : 'pledges'} ${money} to ${this.the(recipient)}`;
    const event = this.newEvent('PLEDGE', title, status, date, place?.id ?? null);
    event.purposes = purposes;
    out.amounts.push({ id: ++this.ids.amount, eventId: event.id, amount: moneyDecimal(amount), currency, qualifier, isPrimary: true });

    const s = new Sentence().add(`${donorNames} ${status === 'PLANNED' ? `${donors.length > 1 ? 'are' : 'is'} expected to pledge` : 'pledged'} ${money}`);
    let equivalentId: number | null = null;
    if (rng.chance(0.35)) {
      // The article reports the sum in a second currency too (its own figure, not the rate table's).
      const other = currency === 'USD' ? 'EUR' : 'USD';
      const value = (Number(moneyDecimal(amount)) / this.rateOn(currency, rateDate)) * this.rateOn(other, rateDate) * (0.99 + rng.next() * 0.02);
      const equivalent = roundSignificant(value, 3);
      equivalentId = ++this.ids.amount;
      out.amounts.push({ id: equivalentId, eventId: event.id, amount: moneyDecimal(equivalent), currency: other, qualifier, isPrimary: false });
      s.add(' ').mark('equivalent', `(${other} ${moneyWords(equivalent)})`);
    }
    s.add(` to ${this.the(recipient)}`);
    if (purposes.length) s.add(` for ${listOf(purposes)}`);
    s.add(place ? ` at a conference in ${place.name}` : '').add(datePhrase(date));
    if (announcer) s.add(`, ${announcer.name} announced`);
    const said = draft.add(s.add('.'));
    said.evidence('event_id', event.id);
    if (equivalentId !== null) said.evidence('amount_id', equivalentId, 'equivalent');
    this.participate(
      out,
      event,
      [...donors, recipient, ...(announcer ? [announcer] : [])],
      [...donors.map(() => 'donor'), 'recipient', ...(announcer ? ['announcer'] : [])],
    );
    return event;
  }

  private statement(rng: Random, day: number, draft: ArticleDraft, out: GraphChunk): EventRow {
    const speaker = this.person(rng);
    const about = this.distinctActors(rng, rng.weighted([[1, 60], [2, 30], [3, 10]] as const), [['COUNTRY', 50], ['PERSON', 35], ['ORGANIZATION', 15]] as const, [speaker.id]);
    const mode = rng.chance(0.75) ? 'DIRECT' : 'INDIRECT';
    const templates = mode === 'DIRECT' ? QUOTES : QUOTES.filter((t) => t.indirect);
    const template = rng.pick(templates);
    const other = this.the(about[1] ?? this.country(rng));
    let quote = template.words(this.the(about[0]), other, rng);
    quote = quote[0].toUpperCase() + quote.slice(1);
    // Reported speech continues the sentence, so a quote that starts with a common word loses its capital.
    if (mode === 'INDIRECT' && /^(The|There|Our) /.test(quote)) quote = quote[0].toLowerCase() + quote.slice(1);
    const date = this.eventDate(rng, 'OCCURRED', day);
    const title = mode === 'DIRECT' ? `${speaker.name}: "${quote}"` : `${speaker.name} says ${quote}`;
    const event = this.newEvent('STATEMENT', title, 'OCCURRED', date, null);
    event.quote = quote;
    event.statementMode = mode;
    const s = new Sentence().add(`${speaker.name} said${datePhrase(date)}`);
    if (mode === 'DIRECT') s.add(': "').add(quote).add('."');
    else s.add(' that ').add(quote).add('.');
    draft.add(s).evidence('event_id', event.id);
    this.participate(out, event, [speaker, ...about], ['speaker', ...about.map(() => 'subject')]);
    return event;
  }

  private proposal(rng: Random, day: number, draft: ArticleDraft, out: GraphChunk): EventRow {
    const proposer = this.actorOf(rng, [['PERSON', 60], ['COUNTRY', 30], ['ORGANIZATION', 10]] as const);
    const subject = this.distinctActors(rng, 1, [['COUNTRY', 1]] as const, [proposer.id])[0] ?? this.organization(rng);
    const summary = rng.pick(PROPOSAL_SUMMARIES)(this.the(subject), rng.pick([5, 10, 12, 14, 20, 30, 60, 90]));
    const date = this.eventDate(rng, 'OCCURRED', day);
    const event = this.newEvent('PROPOSAL', `${this.the(proposer)} proposes ${summary}`, 'OCCURRED', date, null);
    event.summary = summary[0].toUpperCase() + summary.slice(1);
    draft.add(new Sentence().add(`${this.the(proposer)} proposed ${summary}${datePhrase(date)}.`)).evidence('event_id', event.id);
    this.participate(out, event, [proposer], ['proposer']);

    const stanceCount = rng.weighted([[0, 15], [1, 30], [2, 30], [3, 15], [4, 10]] as const);
    for (const actor of this.distinctActors(rng, stanceCount, [['COUNTRY', 60], ['ORGANIZATION', 20], ['PERSON', 20]] as const, [proposer.id])) {
      const position = rng.weighted([['ACCEPTED', 35], ['REJECTED', 20], ['NOT_ACCEPTED', 15], ['CONDITIONAL', 20], ['UNDECIDED', 10]] as const) as StancePosition;
      const wantsConditions = position === 'CONDITIONAL' || (position === 'NOT_ACCEPTED' && rng.chance(0.5)) || (position === 'REJECTED' && rng.chance(0.3));
      const conditions = wantsConditions ? rng.sample(STANCE_CONDITIONS, rng.int(1, 2)) : [];
      const id = ++this.ids.stance;
      out.stances.push({ id, actorId: actor.id, proposalId: event.id, position, conditions });
      const demands = conditions.length ? `, demanding ${listOf(conditions)}` : '';
      const words: Record<StancePosition, string> = {
        ACCEPTED: `${this.the(actor)} accepted the proposal.`,
        REJECTED: `${this.the(actor)} rejected the proposal${demands}.`,
        NOT_ACCEPTED: `${this.the(actor)} has not accepted the proposal${demands}.`,
        CONDITIONAL: `${this.the(actor)} said it would accept the proposal only with ${listOf(conditions)}.`,
        UNDECIDED: `${this.the(actor)} has not yet decided on the proposal.`,
      };
      draft.add(new Sentence().add(words[position])).evidence('stance_id', id);
    }
    return event;
  }

  private action(rng: Random, day: number, draft: ArticleDraft, out: GraphChunk): EventRow {
    const [category, actorRole, targetRole, verb, noun] = rng.pick(ACTIONS);
    const countriesOnly = category === 'invasion' || category === 'recognition';
    const actor = countriesOnly ? this.country(rng) : this.actorOf(rng, [['COUNTRY', 60], ['ORGANIZATION', 25], ['PERSON', 15]] as const);
    const target =
      this.distinctActors(rng, 1, countriesOnly ? ([['COUNTRY', 1]] as const) : ([['COUNTRY', 60], ['PERSON', 20], ['ORGANIZATION', 20]] as const), [actor.id])[0] ??
      this.person(rng);
    const status = rng.weighted([['OCCURRED', 88], ['ONGOING', 12]] as const);
    const date = this.eventDate(rng, 'OCCURRED', day);
    const place = rng.chance(0.3) ? this.place(rng) : null;
    const title = `${noun} ${this.the(target)} by ${this.the(actor)}`;
    const event = this.newEvent('ACTION', title, status, date, place?.id ?? null);
    event.category = category;
    const text = status === 'ONGOING' ? `${this.the(actor)} continues its ${noun} ${this.the(target)}${datePhrase(date) ? `, which began${datePhrase(date)}` : ''}.` : `${this.the(actor)} ${verb} ${this.the(target)}${place ? ` in ${place.name}` : ''}${datePhrase(date)}.`;
    draft.add(new Sentence().add(text)).evidence('event_id', event.id);
    this.participate(out, event, [actor, target], [actorRole, targetRole]);
    return event;
  }
}

/** The whole graph in memory, for small graphs (tests compute expected answers from it). */
export function generateGraphModel(options: GenerateOptions): GraphChunk {
  const all = emptyChunk();
  for (const chunk of new GraphGenerator(options).chunks()) {
    for (const table of GRAPH_TABLES) (all[table] as unknown[]).push(...(chunk[table] as unknown[]));
  }
  return all;
}
