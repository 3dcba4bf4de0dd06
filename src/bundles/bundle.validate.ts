import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { InvalidInputError, type FieldProblem } from '../common/errors';
import {
  ArticleBundleInput,
  type ActorKind,
  type EvidenceInput,
  type EventInput,
  type EventKind,
} from './bundle.inputs';

/** Fields that belong to one event kind only; any other kind must leave them out. */
export const KIND_FIELDS: Record<EventKind, (keyof EventInput)[]> = {
  MEETING: ['ordinal', 'purpose', 'agenda'],
  GATHERING: [],
  PLEDGE: ['donors', 'recipient', 'amount', 'reportedEquivalents', 'purposes', 'announcedBy'],
  STATEMENT: ['speaker', 'quote', 'mode', 'about'],
  PROPOSAL: ['proposedBy', 'summary'],
  ACTION: ['category'],
};
const REQUIRED_FIELDS: Partial<Record<EventKind, (keyof EventInput)[]>> = {
  PLEDGE: ['donors', 'recipient', 'amount'],
  STATEMENT: ['speaker', 'quote'],
  PROPOSAL: ['proposedBy'],
  ACTION: ['category'],
};

/**
 * Checks a bundle whole before anything is written: its shape (class-validator), then every rule
 * that needs the article text or other items. Returns the typed bundle, or throws one
 * InvalidInputError listing every problem by path, e.g. `events[3].evidence[0].end: must be <= 2286`.
 */
export function validateBundle(raw: unknown): ArticleBundleInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidInputError('Invalid article bundle', [{ path: '', message: 'must be a JSON object' }]);
  }
  const bundle = plainToInstance(ArticleBundleInput, raw);
  const problems = flattenValidationErrors(
    validateSync(bundle, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
  );
  problems.push(...crossCheck(bundle));
  if (problems.length > 0) {
    throw new InvalidInputError(`Invalid article bundle: ${problems.length} problem(s)`, problems);
  }
  return bundle;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator starts messages with the property name; the path already says it.
      out.push({ path, message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message });
    }
    out.push(...flattenValidationErrors(error.children ?? [], path));
  }
  return out;
}

/** A span against the article text: in range, not empty, and quoting exactly what is there. */
export function spanProblems(text: string, span: EvidenceInput, at: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { start, end, quote } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return problems;
  if (start > text.length) problems.push({ path: `${at}.start`, message: `must be <= ${text.length}` });
  if (end > text.length) problems.push({ path: `${at}.end`, message: `must be <= ${text.length}` });
  else if (end <= start) problems.push({ path: `${at}.end`, message: `must be > start (${start})` });
  else if (typeof quote === 'string' && text.slice(start, end) !== quote) {
    problems.push({ path: `${at}.quote`, message: `must equal the article text at [${start}, ${end}): ${JSON.stringify(text.slice(start, end))}` });
  }
  return problems;
}

/**
 * What the stored graph already holds, for checking an edit of single items: references may then
 * name these as well as the items being checked.
 */
export interface KnownGraph {
  actors: Map<string, ActorKind>;
  places: Set<string>;
  events: Map<string, EventKind>;
}

/**
 * The rules that need more than one field: spans against the article text, references between
 * items (to the bundle's own items, or also to `graph` when given), kind rules, unique keys.
 * Items may be partly formed (shape problems are class-validator's); they are skipped where needed.
 */
export function crossCheck(bundle: ArticleBundleInput, graph?: KnownGraph): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  const text = typeof bundle.article?.text === 'string' ? bundle.article.text : null;
  const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);

  const checkEvidence = (path: string, evidence: EvidenceInput[] | undefined) => {
    if (text === null) return;
    list(evidence).forEach((span, i) => {
      if (span && typeof span === 'object') problems.push(...spanProblems(text, span, `${path}.evidence[${i}]`));
    });
  };

  const unique = (path: string, keys: unknown[], what: string) => {
    const seen = new Set<unknown>();
    keys.forEach((key, i) => {
      if (key === undefined) return;
      if (seen.has(key)) problem(`${path}[${i}]`, `duplicate ${what} ${JSON.stringify(key)}`);
      seen.add(key);
    });
  };

  const actors = new Map<string, ActorKind>(graph?.actors);
  list(bundle.actors).forEach((a) => a && actors.set(a.slug, a.kind));
  const places = new Set<string | undefined>(graph?.places);
  list(bundle.places).forEach((p) => places.add(p?.slug));
  const events = new Map<string, EventKind>(graph?.events);
  list(bundle.events).forEach((e) => e && events.set(e.slug, e.kind));
  const among = graph ? 'no such actor in the graph' : "it must be one of this bundle's actors";

  const actorRef = (path: string, slug: unknown, kinds?: ActorKind[]) => {
    if (typeof slug !== 'string') return;
    const kind = actors.get(slug);
    if (kind === undefined) problem(path, `unknown actor "${slug}": ${among}`);
    else if (kinds && !kinds.includes(kind)) problem(path, `actor "${slug}" is a ${kind}, must be a ${kinds.join(' or ')}`);
  };

  unique('actors', list(bundle.actors).map((a) => a?.slug), 'slug');
  unique('places', list(bundle.places).map((p) => p?.slug), 'slug');
  unique('events', list(bundle.events).map((e) => e?.slug), 'slug');
  unique('roles', list(bundle.roles).map((r) => r && `${r.person}|${r.title}|${r.of ?? ''}`), 'role (person, title, of)');
  unique('stances', list(bundle.stances).map((s) => s && `${s.actor}|${s.proposal}`), 'stance (actor, proposal)');

  list(bundle.actors).forEach((actor, i) => {
    if (!actor) return;
    const at = `actors[${i}]`;
    checkEvidence(at, actor.evidence);
    if (actor.kind === 'COUNTRY' && !actor.isoCode) problem(`${at}.isoCode`, 'is required for a COUNTRY');
    if (actor.kind !== 'COUNTRY' && actor.isoCode) problem(`${at}.isoCode`, 'is only for a COUNTRY');
    if (actor.kind !== 'ORGANIZATION' && actor.orgType) problem(`${at}.orgType`, 'is only for an ORGANIZATION');
    if (actor.kind !== 'ORGANIZATION' && list(actor.members).length) problem(`${at}.members`, 'is only for an ORGANIZATION');
    unique(`${at}.members`, list(actor.members).map((m) => m?.actor), 'member');
    list(actor.members).forEach((member, j) => {
      if (!member) return;
      actorRef(`${at}.members[${j}].actor`, member.actor);
      if (member.actor === actor.slug) problem(`${at}.members[${j}].actor`, 'an organization cannot be its own member');
      checkEvidence(`${at}.members[${j}]`, member.evidence);
    });
  });

  list(bundle.places).forEach((place, i) => {
    if (!place) return;
    checkEvidence(`places[${i}]`, place.evidence);
    if (place.country) actorRef(`places[${i}].country`, place.country, ['COUNTRY']);
  });

  list(bundle.roles).forEach((role, i) => {
    if (!role) return;
    checkEvidence(`roles[${i}]`, role.evidence);
    actorRef(`roles[${i}].person`, role.person, ['PERSON']);
    if (role.of) actorRef(`roles[${i}].of`, role.of);
    if (role.since && role.until && role.since > role.until) problem(`roles[${i}].until`, `must not be before since (${role.since})`);
  });

  list(bundle.events).forEach((event, i) => {
    if (!event) return;
    const at = `events[${i}]`;
    checkEvidence(at, event.evidence);
    if (event.place && !places.has(event.place)) {
      problem(`${at}.place`, `unknown place "${event.place}": ${graph ? 'no such place in the graph' : "it must be one of this bundle's places"}`);
    }
    list(event.participants).forEach((p, j) => p && actorRef(`${at}.participants[${j}].actor`, p.actor));
    unique(`${at}.participants`, list(event.participants).map((p) => p && `${p.actor}|${p.role ?? ''}`), 'participant (actor, role)');
    const fields = KIND_FIELDS[event.kind];
    if (!fields) return;
    for (const [kind, kindFields] of Object.entries(KIND_FIELDS)) {
      if (kind === event.kind) continue;
      for (const field of kindFields) {
        if (event[field] !== undefined && event[field] !== null) problem(`${at}.${field}`, `is not a field of a ${event.kind} (it belongs to ${kind})`);
      }
    }
    for (const field of REQUIRED_FIELDS[event.kind] ?? []) {
      const value = event[field];
      if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
        problem(`${at}.${field}`, `is required for a ${event.kind}`);
      }
    }
    switch (event.kind) {
      case 'MEETING':
        if (list(event.participants).length < 2) problem(`${at}.participants`, 'a MEETING needs at least 2 participants');
        break;
      case 'PLEDGE': {
        list(event.donors).forEach((d, j) => actorRef(`${at}.donors[${j}]`, d));
        actorRef(`${at}.recipient`, event.recipient);
        if (event.announcedBy) actorRef(`${at}.announcedBy`, event.announcedBy, ['PERSON']);
        const currency = event.amount?.currency;
        unique(`${at}.reportedEquivalents`, list(event.reportedEquivalents).map((m) => m?.currency), 'currency');
        list(event.reportedEquivalents).forEach((m, j) => {
          if (!m) return;
          if (m.currency === currency) problem(`${at}.reportedEquivalents[${j}].currency`, `must differ from the pledge's own currency ${currency}`);
          checkEvidence(`${at}.reportedEquivalents[${j}]`, m.evidence);
        });
        break;
      }
      case 'STATEMENT':
        actorRef(`${at}.speaker`, event.speaker, ['PERSON']);
        list(event.about).forEach((a, j) => actorRef(`${at}.about[${j}]`, a));
        if (typeof event.quote === 'string') {
          // Against the article text where there is one; else (an edit of a stored statement,
          // whose spans may come from several articles) against the stored spans' quotes.
          const covered = (span: EvidenceInput) => (text !== null ? text.slice(span.start, span.end) : span.quote);
          const inEvidence = list(event.evidence).some(
            (span) => span && typeof span.quote === 'string' && covered(span).includes(event.quote as string),
          );
          if (!inEvidence) problem(`${at}.quote`, 'must appear word for word inside one of its evidence spans');
        }
        break;
      case 'PROPOSAL':
        actorRef(`${at}.proposedBy`, event.proposedBy);
        break;
      default:
        break;
    }
  });

  list(bundle.stances).forEach((stance, i) => {
    if (!stance) return;
    checkEvidence(`stances[${i}]`, stance.evidence);
    actorRef(`stances[${i}].actor`, stance.actor);
    const kind = events.get(stance.proposal);
    if (typeof stance.proposal === 'string' && kind !== 'PROPOSAL') {
      problem(
        `stances[${i}].proposal`,
        kind
          ? `event "${stance.proposal}" is a ${kind}, must be a PROPOSAL`
          : `unknown proposal "${stance.proposal}": ${graph ? 'no such event in the graph' : "it must be one of this bundle's events"}`,
      );
    }
  });

  return problems;
}
