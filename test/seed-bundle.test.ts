import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBundle } from '../src/bundles/bundle.reader';
import type { ArticleBundleInput, EvidenceInput } from '../src/bundles/bundle.inputs';
import { validateBundle } from '../src/bundles/bundle.validate';

const root = join(__dirname, '..');
const bundleDir = join(root, 'seed', 'witkoff-putin-brussels');
const bundle = validateBundle(readBundle(bundleDir)) as ArticleBundleInput;
const text = bundle.article.text;

/** Every evidence span anywhere in the bundle, with where it sits. */
function allSpans(): { path: string; span: EvidenceInput }[] {
  const out: { path: string; span: EvidenceInput }[] = [];
  const add = (path: string, spans: EvidenceInput[] = []) => spans.forEach((span, i) => out.push({ path: `${path}.evidence[${i}]`, span }));
  bundle.actors.forEach((a, i) => {
    add(`actors[${i}]`, a.evidence);
    a.members?.forEach((m, j) => add(`actors[${i}].members[${j}]`, m.evidence));
  });
  bundle.places?.forEach((p, i) => add(`places[${i}]`, p.evidence));
  bundle.roles?.forEach((r, i) => add(`roles[${i}]`, r.evidence));
  bundle.events.forEach((e, i) => {
    add(`events[${i}]`, e.evidence);
    e.reportedEquivalents?.forEach((m, j) => add(`events[${i}].reportedEquivalents[${j}]`, m.evidence));
  });
  bundle.stances?.forEach((s, i) => add(`stances[${i}]`, s.evidence));
  return out;
}

describe('the seed bundle of the Witkoff-Putin / Brussels article', () => {
  it('holds the article text byte for byte as the shared source file', () => {
    const shared = readFileSync(join(root, '..', 'shared', 'articles', 'witkoff-putin-brussels.txt'));
    const seeded = readFileSync(join(bundleDir, 'article.txt'));
    expect(seeded.equals(shared)).toBe(true);
    expect(bundle.article.title).toBeTruthy();
    expect(bundle.article.publishedOn).toBe('2025-04-11');
  });

  it('every evidence quote equals the article slice it points to', () => {
    const spans = allSpans();
    expect(spans.length).toBeGreaterThan(50);
    for (const { path, span } of spans) expect({ path, slice: text.slice(span.start, span.end) }).toEqual({ path, slice: span.quote });
  });

  it('names every person, country, organization and place of the article', () => {
    const slugs = (kind: string) => bundle.actors.filter((a) => a.kind === kind).map((a) => a.slug).sort();
    expect(slugs('PERSON')).toEqual(['boris-pistorius', 'dmitri-peskov', 'donald-trump', 'john-healey', 'steve-witkoff', 'vladimir-putin']);
    expect(slugs('COUNTRY')).toEqual(['belgium', 'germany', 'russia', 'ukraine', 'united-kingdom', 'united-states']);
    expect(slugs('ORGANIZATION')).toEqual(
      expect.arrayContaining(['biden-administration', 'kremlin', 'nato', 'nato-allies', 'ukraines-western-allies']),
    );
    expect(bundle.places?.map((p) => p.slug).sort()).toEqual(['brussels', 'moscow', 'st-petersburg']);
  });

  it('reports every event: meetings, the gathering, the pledge, the quotations, the proposal and the past events', () => {
    const ofKind = (kind: string) => bundle.events.filter((e) => e.kind === kind);
    expect(ofKind('MEETING').map((e) => [e.slug, e.status ?? 'OCCURRED', e.date ?? null])).toEqual(
      expect.arrayContaining([
        ['witkoff-putin-third-meeting', 'OCCURRED', '2025-04-11'],
        ['witkoff-putin-first-meeting', 'OCCURRED', null],
        ['trump-putin-potential-meeting', 'POTENTIAL', null],
      ]),
    );
    expect(ofKind('GATHERING')).toHaveLength(1);
    expect(ofKind('PLEDGE')).toHaveLength(1);
    expect(ofKind('PROPOSAL').map((e) => e.slug)).toEqual(['thirty-day-ceasefire']);
    expect(ofKind('ACTION').map((e) => e.category).sort()).toEqual(['accusation', 'invasion', 'severed-ties']);
    // Every quotation mark pair of the article is a direct statement.
    const quotations = [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1].replace(/[,.]$/, ''));
    const direct = ofKind('STATEMENT').filter((e) => e.mode !== 'INDIRECT').map((e) => e.quote?.replace(/[,.]$/, ''));
    expect(direct.sort()).toEqual(quotations.sort());
  });
});
