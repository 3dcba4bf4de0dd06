import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backends, rowCounts } from './support/backends';
import { useSeededApi, type Answer } from './support/graphql';
import { createTestKeys } from './support/keys';

const ARTICLE = 'witkoff-putin-brussels';
const TEXT = readFileSync(join(__dirname, '..', 'seed', ARTICLE, 'article.txt'), 'utf8');

/** The evidence span of the nth occurrence of a quote in the seed article. */
function span(quote: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not in the article: ${quote}`);
  return { start, end: start + quote.length, quote };
}

function ok<T = any>(answer: Answer<T>): T {
  expect(answer.errors).toBeUndefined();
  return answer.data as T;
}

/** The error code and `path: message` problems of a refused write. */
function refusal(answer: Answer) {
  expect(answer.errors).toHaveLength(1);
  const [error] = answer.errors!;
  const problems = (error.extensions?.problems as { path: string; message: string }[] | undefined) ?? [];
  return { code: error.extensions?.code, message: error.message, problems: problems.map((p) => `${p.path}: ${p.message}`) };
}

describe.each(backends())('editing single facts (%s)', (backend) => {
  const seeded = useSeededApi(backend);
  let editor: { key: string };
  beforeAll(async () => {
    ({ editor } = await createTestKeys(seeded.store.db));
  });
  const write = (source: string, variables?: Record<string, unknown>) => seeded.api.query(source, variables, editor);
  const read = (source: string) => seeded.api.query(source);
  const auditRows = async () => (await seeded.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n;
  // actor_links (migration 0010) and actor_link_counts (0011) are kept by triggers; count both
  // afresh from what they are kept from and compare: the rows that differ, either way.
  const drift = async () =>
    (
      await seeded.store.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (
           (SELECT * FROM newsgraph_counted_actor_links() EXCEPT SELECT actor_id, other_id, event_kind, events, occurred FROM actor_links)
           UNION ALL (SELECT actor_id, other_id, event_kind, events, occurred FROM actor_links EXCEPT SELECT * FROM newsgraph_counted_actor_links())
           UNION ALL (SELECT actor_id, 0, event_kind, counterparts, 0 FROM newsgraph_counted_actor_link_counts()
                      EXCEPT SELECT actor_id, 0, event_kind, counterparts, 0 FROM actor_link_counts)
           UNION ALL (SELECT actor_id, 0, event_kind, counterparts, 0 FROM actor_link_counts
                      EXCEPT SELECT actor_id, 0, event_kind, counterparts, 0 FROM newsgraph_counted_actor_link_counts())) d`,
      )
    )[0].n;
  /** Runs a write that must be refused, and checks that nothing at all was written. */
  const refused = async (source: string, variables?: Record<string, unknown>) => {
    const before = { rows: await rowCounts(seeded.store.db), audit: await auditRows() };
    const answer = await write(source, variables);
    expect({ rows: await rowCounts(seeded.store.db), audit: await auditRows() }).toEqual(before);
    return refusal(answer);
  };

  describe('actors', () => {
    const CREATE = `mutation($input: CreateActorInput!) { createActor(input: $input) { __typename slug name aliases version evidence { quote article { slug } } } }`;
    const UPDATE = `mutation($input: UpdateActorInput!) { updateActor(input: $input) { slug name aliases version } }`;
    const DELETE = `mutation($input: DeleteActorInput!) { deleteActor(input: $input) { deleted { entity key } updated { entity key version } } }`;

    it('creates, updates and deletes an actor, each step a new version', async () => {
      const created = ok(
        await write(CREATE, {
          input: { article: ARTICLE, slug: 'russian-leader', kind: 'PERSON', name: 'The Russian leader', aliases: ['Russian president'], evidence: [span('the Russian leader')] },
        }),
      ).createActor;
      expect(created).toEqual({
        __typename: 'Person',
        slug: 'russian-leader',
        name: 'The Russian leader',
        aliases: ['Russian president'],
        version: 1,
        evidence: [{ quote: 'the Russian leader', article: { slug: ARTICLE } }],
      });
      const updated = ok(await write(UPDATE, { input: { slug: 'russian-leader', version: 1, name: 'Russian leader (test)' } })).updateActor;
      expect(updated).toEqual({ slug: 'russian-leader', name: 'Russian leader (test)', aliases: ['Russian president'], version: 2 });
      // The same values again change nothing: no new version.
      expect(ok(await write(UPDATE, { input: { slug: 'russian-leader', version: 2, name: 'Russian leader (test)' } })).updateActor.version).toBe(2);
      const deleted = ok(await write(DELETE, { input: { slug: 'russian-leader', version: 2 } })).deleteActor;
      expect(deleted.deleted).toEqual([
        { entity: 'ACTOR', key: 'russian-leader' },
        { entity: 'EVIDENCE', key: expect.any(String) },
      ]);
      expect(ok(await read('{ actor(slug: "russian-leader") { slug } }')).actor).toBeNull();
    });

    it('refuses to delete an actor that events still refer to, naming them, unless asked to cascade', async () => {
      const { version } = ok(await read('{ actor(slug: "john-healey") { version } }')).actor;
      const answer = await refused(DELETE, { input: { slug: 'john-healey', version } });
      expect(answer.code).toBe('BAD_USER_INPUT');
      expect(answer.problems).toEqual([
        'input.cascade: actor "john-healey" is still referenced by 3 events (brussels-allies-gathering, nato-allies-pledge-to-ukraine, healey-we-stand-with-ukraine), 1 organization it belongs to (european-defense-leaders): change or delete those first, or pass cascade: true to delete them with it',
      ]);

      const cascaded = ok(await write(DELETE, { input: { slug: 'john-healey', version, cascade: true } })).deleteActor;
      const deleted = cascaded.deleted.filter((d: any) => d.entity !== 'EVIDENCE').map((d: any) => `${d.entity} ${d.key}`);
      expect(deleted[0]).toBe('ACTOR john-healey');
      expect(deleted.sort()).toEqual(
        ['ACTOR john-healey', 'EVENT brussels-allies-gathering', 'EVENT healey-we-stand-with-ukraine', 'EVENT nato-allies-pledge-to-ukraine', expect.stringMatching(/^ROLE /)].sort(),
      );
      expect(cascaded.updated).toEqual([{ entity: 'ACTOR', key: 'european-defense-leaders', version: expect.any(Number) }]);
      const data = ok(
        await read(`{ actor(slug: "john-healey") { slug } pledges { totalCount } event(slug: "healey-we-stand-with-ukraine") { slug }
          leaders: actor(slug: "european-defense-leaders") { ... on Organization { members { slug } } } }`),
      );
      expect(data).toEqual({ actor: null, pledges: { totalCount: 0 }, event: null, leaders: { members: [{ slug: 'boris-pistorius' }] } });
    });

    it('cascading from a country clears it from places and from the organizations it belongs to', async () => {
      const { version } = ok(await read('{ actor(slug: "belgium") { version } }')).actor;
      const refusedAnswer = await refused(DELETE, { input: { slug: 'belgium', version } });
      expect(refusedAnswer.problems[0]).toMatch(/1 place in it \(brussels\)/);
      const placeBefore = ok(await read('{ place(slug: "brussels") { version country { slug } } }')).place;
      const cascaded = ok(await write(DELETE, { input: { slug: 'belgium', version, cascade: true } })).deleteActor;
      expect(cascaded.updated).toEqual(expect.arrayContaining([{ entity: 'PLACE', key: 'brussels', version: placeBefore.version + 1 }]));
      expect(ok(await read('{ place(slug: "brussels") { country { slug } version } }')).place).toEqual({ country: null, version: placeBefore.version + 1 });
    });
  });

  describe('places', () => {
    it('creates, updates and deletes a place; one where events happened needs cascade', async () => {
      const created = ok(
        await write(`mutation($input: CreatePlaceInput!) { createPlace(input: $input) { slug name country { slug } version } }`, {
          input: { article: ARTICLE, slug: 'russia-test-place', name: 'Somewhere in Russia', country: 'russia', evidence: [span('Russia', 1)] },
        }),
      ).createPlace;
      expect(created).toEqual({ slug: 'russia-test-place', name: 'Somewhere in Russia', country: { slug: 'russia' }, version: 1 });
      const updated = ok(
        await write(`mutation($input: UpdatePlaceInput!) { updatePlace(input: $input) { name country { slug } version } }`, {
          input: { slug: 'russia-test-place', version: 1, country: null },
        }),
      ).updatePlace;
      expect(updated).toEqual({ name: 'Somewhere in Russia', country: null, version: 2 });
      const DELETE = `mutation($input: DeletePlaceInput!) { deletePlace(input: $input) { deleted { entity key } updated { entity key version } } }`;
      expect(ok(await write(DELETE, { input: { slug: 'russia-test-place', version: 2 } })).deletePlace.deleted[0]).toEqual({ entity: 'PLACE', key: 'russia-test-place' });

      const stp = ok(await read('{ place(slug: "st-petersburg") { version } event(slug: "witkoff-putin-third-meeting") { version } }'));
      const answer = await refused(DELETE, { input: { slug: 'st-petersburg', version: stp.place.version } });
      expect(answer.problems).toEqual([
        'input.cascade: place "st-petersburg" is where 1 event happened (witkoff-putin-third-meeting): pass cascade: true to delete it and clear their place',
      ]);
      const cascaded = ok(await write(DELETE, { input: { slug: 'st-petersburg', version: stp.place.version, cascade: true } })).deletePlace;
      expect(cascaded.updated).toEqual([{ entity: 'EVENT', key: 'witkoff-putin-third-meeting', version: stp.event.version + 1 }]);
      expect(ok(await read('{ event(slug: "witkoff-putin-third-meeting") { place { slug } } }')).event.place).toBeNull();
    });
  });

  describe('roles', () => {
    it('creates, updates and deletes a role, named by its id', async () => {
      const created = ok(
        await write(`mutation($input: CreateRoleInput!) { createRole(input: $input) { id title of { slug } since { iso } version evidence { quote } } }`, {
          input: { article: ARTICLE, person: 'dmitri-peskov', title: 'Spokesman (test)', of: 'kremlin', since: '2012-05', evidence: [span('Kremlin spokesman Dmitri Peskov')] },
        }),
      ).createRole;
      expect(created).toMatchObject({ title: 'Spokesman (test)', of: { slug: 'kremlin' }, since: { iso: '2012-05' }, version: 1 });
      const duplicate = await refused(`mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`, {
        input: { article: ARTICLE, person: 'dmitri-peskov', title: 'Spokesman (test)', of: 'kremlin', evidence: [span('Kremlin spokesman Dmitri Peskov')] },
      });
      expect(duplicate.problems).toEqual(['input.title: "dmitri-peskov" holds "Spokesman (test)" for "kremlin" already (update that role instead)']);
      const updated = ok(
        await write(`mutation($input: UpdateRoleInput!) { updateRole(input: $input) { id title since { iso } until { iso } version } }`, {
          input: { id: created.id, version: 1, until: '2030', since: null },
        }),
      ).updateRole;
      expect(updated).toEqual({ id: created.id, title: 'Spokesman (test)', since: null, until: { iso: '2030' }, version: 2 });
      const peskov = ok(await read('{ actor(slug: "dmitri-peskov") { ... on Person { roles { id title version } } } }')).actor;
      expect(peskov.roles).toEqual(expect.arrayContaining([{ id: created.id, title: 'Spokesman (test)', version: 2 }]));
      const deleted = ok(await write(`mutation($input: DeleteRoleInput!) { deleteRole(input: $input) { deleted { entity key } } }`, { input: { id: created.id, version: 2 } }));
      expect(deleted.deleteRole.deleted[0]).toEqual({ entity: 'ROLE', key: created.id });
    });

    it('refuses an id the API did not give out', async () => {
      const answer = await refused(`mutation { deleteRole(input: { id: "bm90LWEtcm9sZQ", version: 1 }) { deleted { key } } }`);
      expect(answer.problems).toEqual(['input.id: "bm90LWEtcm9sZQ" is not a role id this API gave out']);
    });
  });

  describe('events of every kind', () => {
    const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) {
      __typename slug title version date { iso } participants { actor { slug } role }
      ... on Meeting { ordinal agenda } ... on Pledge { amount { amount currency qualifier } donors { slug } recipient { slug } }
      ... on Statement { quote speaker { slug } } ... on Proposal { proposedBy { slug } summary } ... on Action { category } } }`;
    const base = (slug: string, kind: string, quote: string) => ({ article: ARTICLE, slug, kind, title: `Test ${kind.toLowerCase()}`, evidence: [span(quote)] });

    it.each([
      [
        'MEETING',
        { ...base('test-meeting', 'MEETING', 'his third meeting with the Russian president'), ordinal: 3, agenda: ['Ukraine'], participants: [{ actor: 'steve-witkoff', role: 'guest' }, { actor: 'vladimir-putin', role: 'host' }] },
        { __typename: 'Meeting', ordinal: 3, agenda: ['Ukraine'] },
      ],
      ['GATHERING', { ...base('test-gathering', 'GATHERING', 'European defense leaders expressed skepticism'), participants: [{ actor: 'european-defense-leaders' }] }, { __typename: 'Gathering' }],
      [
        'PLEDGE',
        { ...base('test-pledge', 'PLEDGE', 'pledging billions more in military support'), donors: ['ukraines-western-allies'], recipient: 'ukraine', amount: { amount: '1000000000.5', currency: 'EUR', qualifier: 'ABOUT' } },
        { __typename: 'Pledge', amount: { amount: '1000000000.5', currency: 'EUR', qualifier: 'ABOUT' }, donors: [{ slug: 'ukraines-western-allies' }], recipient: { slug: 'ukraine' } },
      ],
      [
        'STATEMENT',
        { ...base('test-statement', 'STATEMENT', 'He emphasized that Russia “is still not interested in peace.”'), speaker: 'boris-pistorius', quote: 'is still not interested in peace.', mode: 'INDIRECT' },
        { __typename: 'Statement', quote: 'is still not interested in peace.', speaker: { slug: 'boris-pistorius' } },
      ],
      [
        'PROPOSAL',
        { ...base('test-proposal', 'PROPOSAL', 'Trump’s push for a 30-day cease-fire in Ukraine'), proposedBy: 'donald-trump', summary: 'A test proposal.' },
        { __typename: 'Proposal', proposedBy: { slug: 'donald-trump' }, summary: 'A test proposal.' },
      ],
      ['ACTION', { ...base('test-action', 'ACTION', 'demanding the removal of Western sanctions'), category: 'demand', date: '2025-04-11' }, { __typename: 'Action', category: 'demand', date: { iso: '2025-04-11' } }],
    ])('creates, updates and deletes a %s', async (kind, input, expected) => {
      const created = ok(await write(CREATE, { input })).createEvent;
      expect(created).toMatchObject({ slug: input.slug, version: 1, ...expected });
      const updated = ok(
        await write(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { title status version } }`, {
          input: { slug: input.slug, version: 1, title: `Test ${kind} (updated)`, status: 'PLANNED' },
        }),
      ).updateEvent;
      expect(updated).toEqual({ title: `Test ${kind} (updated)`, status: 'PLANNED', version: 2 });
      const deleted = ok(
        await write(`mutation($input: DeleteEventInput!) { deleteEvent(input: $input) { deleted { entity key } } }`, { input: { slug: input.slug, version: 2 } }),
      ).deleteEvent;
      expect(deleted.deleted[0]).toEqual({ entity: 'EVENT', key: input.slug });
      expect(ok(await read(`{ event(slug: "${input.slug}") { slug } }`)).event).toBeNull();
    });

    it("moving a meeting's date moves it in its participants' meetings (the order kept on participations follows)", async () => {
      const meetingsOf = async (slug: string) =>
        ok(await read(`{ actor(slug: "${slug}") { meetings(first: 20) { edges { node { slug } } } } }`)).actor.meetings.edges.map((edge: any) => edge.node.slug);
      const input = {
        ...base('dated-test-meeting', 'MEETING', 'his third meeting with the Russian president'),
        date: '1999-01-01',
        participants: [{ actor: 'steve-witkoff', role: 'guest' }, { actor: 'vladimir-putin', role: 'host' }],
      };
      ok(await write(CREATE, { input }));
      expect((await meetingsOf('steve-witkoff'))[0]).toBe('dated-test-meeting');
      ok(await write(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { version } }`, { input: { slug: 'dated-test-meeting', version: 1, date: '2099-12' } }));
      for (const actor of ['steve-witkoff', 'vladimir-putin']) {
        const order = await meetingsOf(actor);
        // Unknown dates sort last; a known 2099 date comes just before them.
        const undated = ok(await read(`{ actor(slug: "${actor}") { meetings(first: 20) { edges { node { slug date { iso } } } } } }`)).actor.meetings.edges.filter(
          (edge: any) => edge.node.date === null,
        ).length;
        expect(order[order.length - 1 - undated]).toBe('dated-test-meeting');
      }
      const [drift] = await seeded.store.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM participations p JOIN events e ON e.id = p.event_id WHERE p.event_kind <> e.kind OR p.event_sort_date <> e.sort_date',
      );
      expect(drift.n).toBe(0);
      ok(await write(`mutation($input: DeleteEventInput!) { deleteEvent(input: $input) { deleted { key } } }`, { input: { slug: 'dated-test-meeting', version: 2 } }));
    });

    it('who met whom follows every edit of a meeting: the kept links equal the links counted afresh', async () => {
      const metPutin = async (slug: string) => {
        const pairs = ok(await read(`{ whoMetWhom(actor: "${slug}", first: 50) { totalCount edges { node { meetingCount actors { slug } meetings { slug } } } } }`)).whoMetWhom;
        const pair = pairs.edges.map((e: any) => e.node).find((n: any) => n.actors.some((a: any) => a.slug === 'vladimir-putin'));
        return { count: pair?.meetingCount ?? 0, meetings: (pair?.meetings ?? []).map((m: any) => m.slug), totalCount: pairs.totalCount };
      };
      expect(await drift()).toBe(0);
      const before = await metPutin('steve-witkoff');
      const update = (input: Record<string, unknown>) => write(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { version } }`, { input });
      const input = {
        ...base('pairs-test-meeting', 'MEETING', 'his third meeting with the Russian president'),
        date: '2025-04-11',
        // Putin twice (two roles): one more meeting, not two.
        participants: [{ actor: 'steve-witkoff', role: 'guest' }, { actor: 'vladimir-putin', role: 'host' }, { actor: 'vladimir-putin', role: 'negotiator' }, { actor: 'dmitri-peskov' }],
      };
      ok(await write(CREATE, { input }));
      expect(await drift()).toBe(0);
      const added = await metPutin('steve-witkoff');
      expect(added.count).toBe(before.count + 1);
      expect(added.meetings).toContain('pairs-test-meeting');
      expect(added.meetings).toHaveLength(added.count);
      expect((await metPutin('dmitri-peskov')).count).toBeGreaterThan(0);
      // Witkoff leaves the meeting: his pair with Putin loses it, Peskov's keeps it.
      ok(await update({ slug: 'pairs-test-meeting', version: 1, participants: [{ actor: 'vladimir-putin', role: 'host' }, { actor: 'dmitri-peskov' }] }));
      expect(await drift()).toBe(0);
      expect((await metPutin('steve-witkoff')).count).toBe(before.count);
      // Only meetings that took place count: a planned one drops out, and comes back when it occurs.
      ok(await update({ slug: 'pairs-test-meeting', version: 2, participants: input.participants, status: 'PLANNED' }));
      expect(await drift()).toBe(0);
      expect((await metPutin('steve-witkoff')).count).toBe(before.count);
      ok(await update({ slug: 'pairs-test-meeting', version: 3, status: 'OCCURRED' }));
      expect(await drift()).toBe(0);
      expect((await metPutin('steve-witkoff')).count).toBe(before.count + 1);
      ok(await write(`mutation($input: DeleteEventInput!) { deleteEvent(input: $input) { deleted { key } } }`, { input: { slug: 'pairs-test-meeting', version: 4 } }));
      expect(await drift()).toBe(0);
      expect(await metPutin('steve-witkoff')).toEqual(before);
    });

    it("updates a pledge's amount and donors, and a meeting's participants; refuses fields of another kind", async () => {
      const pledge = ok(
        await write(CREATE, {
          input: { ...base('update-test-pledge', 'PLEDGE', 'pledging billions more'), donors: ['nato-allies'], recipient: 'ukraine', amount: { amount: '21000000000', currency: 'EUR', qualifier: 'AT_LEAST' } },
        }),
      ).createEvent;
      const updated = ok(
        await write(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { version ... on Pledge { amount { amount currency qualifier } donors { slug } recipient { slug } } } }`, {
          input: { slug: 'update-test-pledge', version: pledge.version, amount: { amount: '22000000000', currency: 'EUR', qualifier: 'AT_LEAST' }, donors: ['nato-allies', 'ukraines-western-allies'] },
        }),
      ).updateEvent;
      expect(updated).toEqual({
        version: pledge.version + 1,
        amount: { amount: '22000000000', currency: 'EUR', qualifier: 'AT_LEAST' },
        donors: [{ slug: 'nato-allies' }, { slug: 'ukraines-western-allies' }],
        recipient: { slug: 'ukraine' },
      });
      const wrongKind = await refused(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { version } }`, {
        input: { slug: 'update-test-pledge', version: pledge.version + 1, ordinal: 2, speaker: 'nobody-known' },
      });
      expect(wrongKind.problems).toEqual(
        expect.arrayContaining([
          'input.ordinal: is not a field of a PLEDGE (it belongs to MEETING)',
          'input.speaker: is not a field of a PLEDGE (it belongs to STATEMENT)',
        ]),
      );
      const meeting = ok(await read('{ event(slug: "witkoff-putin-first-meeting") { version } }')).event;
      const tooFew = await refused(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { version } }`, {
        input: { slug: 'witkoff-putin-first-meeting', version: meeting.version, participants: [{ actor: 'steve-witkoff' }] },
      });
      expect(tooFew.problems).toEqual(['input.participants: a MEETING needs at least 2 participants']);
      // Donors are participations: the kept links followed the change.
      expect(await drift()).toBe(0);
    });

    it("a statement's new quote must be in its evidence", async () => {
      const statement = ok(await read('{ event(slug: "witkoff-friendship-with-putin") { version } }')).event;
      const answer = await refused(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { version } }`, {
        input: { slug: 'witkoff-friendship-with-putin', version: statement.version, quote: 'words never said' },
      });
      expect(answer.problems).toEqual(['input.quote: must appear word for word inside one of its evidence spans']);
      const fine = ok(
        await write(`mutation($input: UpdateEventInput!) { updateEvent(input: $input) { ... on Statement { quote } version } }`, {
          input: { slug: 'witkoff-friendship-with-putin', version: statement.version, quote: 'a friendship' },
        }),
      ).updateEvent;
      expect(fine).toEqual({ quote: 'a friendship', version: statement.version + 1 });
    });

    it('refuses to delete a proposal with stances unless asked to cascade', async () => {
      const { version } = ok(await read('{ event(slug: "thirty-day-ceasefire") { version } }')).event;
      const DELETE = `mutation($input: DeleteEventInput!) { deleteEvent(input: $input) { deleted { entity key } } }`;
      const answer = await refused(DELETE, { input: { slug: 'thirty-day-ceasefire', version } });
      expect(answer.problems).toEqual(['input.cascade: event "thirty-day-ceasefire" is the proposal of 2 stances (by ukraine, russia): pass cascade: true to delete them with it']);
      const cascaded = ok(await write(DELETE, { input: { slug: 'thirty-day-ceasefire', version, cascade: true } })).deleteEvent;
      expect(cascaded.deleted.filter((d: any) => d.entity !== 'EVIDENCE').map((d: any) => `${d.entity} ${d.key}`)).toEqual([
        'EVENT thirty-day-ceasefire',
        ...['STANCE russia|thirty-day-ceasefire', 'STANCE ukraine|thirty-day-ceasefire'].sort(),
      ]);
    });
  });

  describe('stances', () => {
    it('creates, updates and deletes a stance', async () => {
      ok(
        await write(`mutation($input: CreateEventInput!) { createEvent(input: $input) { slug } }`, {
          input: { article: ARTICLE, slug: 'stance-test-proposal', kind: 'PROPOSAL', title: 'A proposal to take stances on', proposedBy: 'donald-trump', evidence: [span('the proposal')] },
        }),
      );
      const created = ok(
        await write(`mutation($input: CreateStanceInput!) { createStance(input: $input) { actor { slug } proposal { slug } position conditions version evidence { quote } } }`, {
          input: { article: ARTICLE, actor: 'russia', proposal: 'stance-test-proposal', position: 'NOT_ACCEPTED', conditions: ['removal of Western sanctions'], evidence: [span('Russia has not')] },
        }),
      ).createStance;
      expect(created).toEqual({
        actor: { slug: 'russia' },
        proposal: { slug: 'stance-test-proposal' },
        position: 'NOT_ACCEPTED',
        conditions: ['removal of Western sanctions'],
        version: 1,
        evidence: [{ quote: 'Russia has not' }],
      });
      const updated = ok(
        await write(`mutation($input: UpdateStanceInput!) { updateStance(input: $input) { position conditions version } }`, {
          input: { actor: 'russia', proposal: 'stance-test-proposal', version: 1, position: 'REJECTED' },
        }),
      ).updateStance;
      expect(updated).toEqual({ position: 'REJECTED', conditions: ['removal of Western sanctions'], version: 2 });
      const onMeeting = await refused(`mutation($input: CreateStanceInput!) { createStance(input: $input) { version } }`, {
        input: { article: ARTICLE, actor: 'russia', proposal: 'witkoff-putin-third-meeting', position: 'REJECTED', evidence: [span('Russia has not')] },
      });
      expect(onMeeting.problems).toEqual(['input.proposal: event "witkoff-putin-third-meeting" is a MEETING, must be a PROPOSAL']);
      const deleted = ok(
        await write(`mutation($input: DeleteStanceInput!) { deleteStance(input: $input) { deleted { entity key } } }`, {
          input: { actor: 'russia', proposal: 'stance-test-proposal', version: 2 },
        }),
      ).deleteStance;
      expect(deleted.deleted[0]).toEqual({ entity: 'STANCE', key: 'russia|stance-test-proposal' });
    });
  });

  describe('evidence', () => {
    it('adds, moves and deletes a span; the last span of a fact stays', async () => {
      const added = ok(
        await write(`mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id start end quote version article { slug } } }`, {
          input: { article: ARTICLE, ...span('Witkoff, by contrast'), of: { actor: 'steve-witkoff' } },
        }),
      ).addEvidence;
      expect(added).toMatchObject({ quote: 'Witkoff, by contrast', version: 1, article: { slug: ARTICLE } });
      const again = await refused(`mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`, {
        input: { article: ARTICLE, ...span('Witkoff, by contrast'), of: { actor: 'steve-witkoff' } },
      });
      expect(again.problems).toEqual(['input.start: this span supports that fact already']);
      const moved = ok(
        await write(`mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id quote version } }`, {
          input: { id: added.id, version: 1, ...span('Witkoff, by contrast, has taken a different path') },
        }),
      ).updateEvidence;
      expect(moved).toEqual({ id: added.id, quote: 'Witkoff, by contrast, has taken a different path', version: 2 });
      const mismatch = await refused(`mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id } }`, {
        input: { id: added.id, version: 2, quote: 'something else' },
      });
      expect(mismatch.problems).toEqual([`input.quote: must equal the article text at [${moved ? span('Witkoff, by contrast, has taken a different path').start : 0}, ${span('Witkoff, by contrast, has taken a different path').end}): "Witkoff, by contrast, has taken a different path"`]);
      ok(await write(`mutation($input: DeleteEvidenceInput!) { deleteEvidence(input: $input) { deleted { entity key } } }`, { input: { id: added.id, version: 2 } }));

      const trump = ok(await read('{ event(slug: "trump-putin-potential-meeting") { evidence { id version } } }')).event;
      for (const [i, evidence] of trump.evidence.entries()) {
        const answer = await write(`mutation($input: DeleteEvidenceInput!) { deleteEvidence(input: $input) { deleted { key } } }`, { input: { id: evidence.id, version: evidence.version } });
        if (i < trump.evidence.length - 1) ok(answer);
        else expect(refusal(answer).problems).toEqual([`input.id: is the only evidence of event "trump-putin-potential-meeting": a fact without evidence is not in the graph, so delete the fact instead`]);
      }
    });

    it('a span must name exactly one fact', async () => {
      const answer = await refused(`mutation($input: AddEvidenceInput!) { addEvidence(input: $input) { id } }`, {
        input: { article: ARTICLE, ...span('Witkoff'), of: { actor: 'steve-witkoff', place: 'brussels' } },
      });
      expect(answer.problems).toEqual(['input.of: must name exactly one fact (actor, place, event, role or stance), got 2']);
    });
  });

  describe('validation before anything is written', () => {
    const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { slug } }`;

    it('shape: negative and non-decimal amounts, unknown currency, impossible date, over-long text (no SQL runs)', async () => {
      const answer = await refused(CREATE, {
        input: {
          article: ARTICLE,
          slug: 'bad-pledge',
          kind: 'PLEDGE',
          title: 'x'.repeat(501),
          date: '2025-02-30',
          donors: ['nato-allies'],
          recipient: 'ukraine',
          amount: { amount: '-5', currency: 'EURO', qualifier: 'EXACT' },
          reportedEquivalents: [{ amount: '1e9', currency: 'USD', qualifier: 'EXACT', evidence: [span('($23.8 billion)')] }],
          evidence: [span('pledges totaling')],
        },
      });
      expect(answer.code).toBe('BAD_USER_INPUT');
      expect(answer.problems).toEqual(
        expect.arrayContaining([
          'input.title: must be shorter than or equal to 500 characters',
          'input.date: is not a real date: 2025-02-30 (month 02 has 28 days)',
          'input.amount.amount: must be a non-negative decimal string such as "21000000000" or "1.5"',
          'input.amount.currency: must be an ISO 4217 currency code such as "EUR"',
          'input.reportedEquivalents[0].amount: must be a non-negative decimal string such as "21000000000" or "1.5"',
        ]),
      );
    });

    it('against the graph: span out of range, quote mismatch, unknown reference, duplicate slug', async () => {
      const answer = await refused(CREATE, {
        input: {
          article: ARTICLE,
          slug: 'witkoff-putin-third-meeting',
          kind: 'MEETING',
          title: 'A meeting',
          participants: [{ actor: 'steve-witkoff' }, { actor: 'nobody-known' }],
          evidence: [{ start: 0, end: TEXT.length + 5, quote: 'x' }, { ...span('Steve Witkoff'), quote: 'Steve Witkof' }],
        },
      });
      expect(answer.problems).toEqual(
        expect.arrayContaining([
          'input.slug: "witkoff-putin-third-meeting" is taken: an event with this slug exists already (update it instead)',
          `input.evidence[0].end: must be <= ${TEXT.length}`,
          expect.stringMatching(/^input\.evidence\[1\]\.quote: must equal the article text at \[\d+, \d+\): "Steve Witkoff"$/),
          'input.participants[1].actor: unknown actor "nobody-known": no such actor in the graph',
        ]),
      );
      const noArticle = await refused(CREATE, {
        input: { article: 'no-such-article', slug: 'a-gathering', kind: 'GATHERING', title: 'A gathering', evidence: [span('Brussels')] },
      });
      expect(noArticle.problems).toEqual(['input.article: unknown article "no-such-article"']);
    });

    it('a stale or missing target: CONFLICT and NOT_FOUND', async () => {
      const stale = await refused(`mutation { updateActor(input: { slug: "dmitri-peskov", version: 99, name: "Someone" }) { version } }`);
      expect(stale.code).toBe('CONFLICT');
      const missing = await refused(`mutation { updateActor(input: { slug: "nobody-known", version: 1, name: "Someone" }) { version } }`);
      expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'actor "nobody-known" does not exist' });
    });
  });
});
