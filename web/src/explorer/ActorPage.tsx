import { useQuery } from './api';
import { ActorLink, EventLink, Failure, KindBadge, Loading, PageTitle } from './common';
import { CurrencyPicker, useCurrency } from './currency';
import { EvidenceList } from './Evidence';
import { formatDate, formatMoney, ordinal, titleCase } from './format';
import { ACTOR_PAGE } from './queries';
import type { ActorRef, Evidence, EventKind, Money, PartialDate, Participation } from './types';

interface PledgeRow {
  slug: string;
  title: string;
  date: PartialDate | null;
  donors: ActorRef[];
  recipient: ActorRef;
  purposes: string[];
  amount: Money;
  converted: Money | null;
  evidence: Evidence[];
}

interface Total {
  group: string;
  pledgeCount: number;
  total: Money;
}

interface ActorPageData {
  actor:
    | (ActorRef & {
        __typename: string;
        aliases: string[];
        evidence: Evidence[];
        roles?: Array<{ title: string; of: ActorRef | null; since: PartialDate | null; until: PartialDate | null; evidence: Evidence[] }>;
        isoCode?: string;
        orgType?: string | null;
        members?: ActorRef[];
        counterparts: Array<{
          actor: ActorRef;
          meetingCount: number;
          lastMetOn: PartialDate | null;
          meetings: Array<{ slug: string; title: string; ordinal: number | null; status: string; date: PartialDate | null; place: { slug: string; name: string } | null; purpose: string | null; evidence: Evidence[] }>;
        }>;
        pledgesMade: PledgeRow[];
        pledgesReceived: PledgeRow[];
        statements: Array<{ slug: string; title: string; quote: string; mode: string; date: PartialDate | null; evidence: Evidence[] }>;
        stances: Array<{ position: string; conditions: string[]; proposal: { slug: string; title: string }; evidence: Evidence[] }>;
      })
    | null;
  made: Total[];
  received: Total[];
  events: {
    totalCount: number;
    edges: Array<{ node: { slug: string; title: string; kind: EventKind; status: string; date: PartialDate | null; place: { name: string } | null; participants: Array<Pick<Participation, 'role'> & { actor: { slug: string } }> } }>;
  };
}

/** Everything known about one actor, each fact with its evidence. */
export function ActorPage({ slug }: { slug: string }) {
  const { currency } = useCurrency();
  const { data, error, forKey } = useQuery<ActorPageData>(ACTOR_PAGE, { slug, currency });
  if (error) return <Failure error={error} />;
  // After a currency switch the previous answer stays until the new one arrives; another actor's does not.
  if (!data || (JSON.parse(forKey || '{}') as { slug?: string }).slug !== slug) return <Loading what="the actor" />;
  const actor = data.actor;
  if (!actor) return <p role="alert">No actor is called “{slug}”.</p>;
  return (
    <article className="page actor-page">
      <header className="page-header">
        <PageTitle title={actor.name}>{actor.name}</PageTitle>
        <p>
          <KindBadge kind={actor.kind} /> {actor.aliases.length > 0 && <span className="muted">also: {actor.aliases.join(', ')}</span>}
          {actor.isoCode && <span className="muted"> ISO {actor.isoCode}</span>}
          {actor.orgType && <span className="muted"> {actor.orgType}</span>}{' '}
          <a href={`#/network/${encodeURIComponent(actor.slug)}`}>Show in the network</a>
        </p>
        <EvidenceList evidence={actor.evidence} label="Mentioned" />
      </header>

      {actor.roles && actor.roles.length > 0 && (
        <section aria-labelledby="roles">
          <h2 id="roles">Roles</h2>
          <ul className="facts">
            {actor.roles.map((role, index) => (
              <li key={index}>
                <strong>{role.title}</strong>
                {role.of && (
                  <>
                    {' '}
                    of <ActorLink actor={role.of} />
                  </>
                )}
                {role.since && <span className="muted"> since {formatDate(role.since)}</span>}
                {role.until && <span className="muted"> until {formatDate(role.until)}</span>}
                <EvidenceList evidence={role.evidence} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {actor.members && actor.members.length > 0 && (
        <section aria-labelledby="members">
          <h2 id="members">Members</h2>
          <ul className="inline-list">
            {actor.members.map((member) => (
              <li key={member.slug}>
                <ActorLink actor={member} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="counterparts" className="counterparts">
        <h2 id="counterparts">Counterparts</h2>
        {actor.counterparts.length === 0 ? (
          <p className="muted">No meetings that took place are on record.</p>
        ) : (
          <ul className="facts">
            {actor.counterparts.map((counterpart) => (
              <li key={counterpart.actor.slug}>
                <ActorLink actor={counterpart.actor} />{' '}
                <span>
                  {counterpart.meetingCount} {counterpart.meetingCount === 1 ? 'meeting' : 'meetings'}
                </span>
                {counterpart.lastMetOn && <span className="muted">, last on {formatDate(counterpart.lastMetOn)}</span>}
                <ul>
                  {counterpart.meetings.map((meeting) => (
                    <li key={meeting.slug}>
                      <EventLink event={meeting} />
                      {meeting.ordinal != null && <span className="badge">{ordinal(meeting.ordinal)} meeting</span>}
                      <span className="muted">
                        {' '}
                        {formatDate(meeting.date)}
                        {meeting.place && `, ${meeting.place.name}`}
                      </span>
                      {meeting.purpose && <div>Purpose: {meeting.purpose}</div>}
                      <EvidenceList evidence={meeting.evidence} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="pledges" className="pledges">
        <h2 id="pledges">Pledges</h2>
        <CurrencyPicker id="actor-currency" />
        <Pledges title="Made" pledges={actor.pledgesMade} total={data.made.find((t) => t.group === actor.slug)} currency={currency} />
        <Pledges title="Received" pledges={actor.pledgesReceived} total={data.received.find((t) => t.group === actor.slug)} currency={currency} />
      </section>

      {actor.statements.length > 0 && (
        <section aria-labelledby="quotes">
          <h2 id="quotes">Quotes</h2>
          <ul className="facts">
            {actor.statements.map((statement) => (
              <li key={statement.slug}>
                <blockquote>{statement.mode === 'DIRECT' ? <q>{statement.quote}</q> : statement.quote}</blockquote>
                <span className="muted">
                  {statement.mode === 'DIRECT' ? 'said' : 'reported'}, {formatDate(statement.date)} ·{' '}
                </span>
                <EventLink event={statement} />
                <EvidenceList evidence={statement.evidence} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {actor.stances.length > 0 && (
        <section aria-labelledby="stances">
          <h2 id="stances">Stances</h2>
          <ul className="facts">
            {actor.stances.map((stance) => (
              <li key={stance.proposal.slug}>
                <span className={`badge stance-${stance.position.toLowerCase()}`}>{titleCase(stance.position)}</span> <EventLink event={stance.proposal} />
                {stance.conditions.length > 0 && <div>Conditions: {stance.conditions.join('; ')}</div>}
                <EvidenceList evidence={stance.evidence} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        {data.events.edges.length === 0 ? (
          <p className="muted">No events.</p>
        ) : (
          <ol className="timeline">
            {data.events.edges.map(({ node: event }) => {
              const role = event.participants.find((p) => p.actor.slug === actor.slug)?.role;
              return (
                <li key={event.slug}>
                  <time>{formatDate(event.date)}</time>
                  <div>
                    <KindBadge kind={event.kind} /> <EventLink event={event} />
                    <span className="muted">
                      {role && ` · as ${role}`}
                      {event.place && ` · ${event.place.name}`}
                      {event.status !== 'OCCURRED' && ` · ${titleCase(event.status)}`}
                    </span>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {data.events.totalCount > data.events.edges.length && (
          <p className="muted">
            Showing the first {data.events.edges.length} of {data.events.totalCount} events.
          </p>
        )}
      </section>
    </article>
  );
}

function Pledges({ title, pledges, total, currency }: { title: string; pledges: PledgeRow[]; total: Total | undefined; currency: string }) {
  if (!pledges.length) {
    return (
      <p>
        <strong>{title}:</strong> <span className="muted">none</span>
      </p>
    );
  }
  return (
    <div className="pledge-group">
      <h3>
        {title}: {pledges.length} {pledges.length === 1 ? 'pledge' : 'pledges'}
        {total ? (
          <>
            , total <span className="money">{formatMoney(total.total)}</span>
            <span className="muted"> ({total.total.source === 'REPORTED' ? 'as the articles report it' : 'partly converted'})</span>
          </>
        ) : (
          <span className="muted">, no total in {currency} (no exchange rate)</span>
        )}
      </h3>
      <ul className="facts">
        {pledges.map((pledge) => (
          <li key={pledge.slug}>
            <EventLink event={pledge} />
            <div>
              <span className="money">{formatMoney(pledge.amount)}</span>
              {pledge.converted && pledge.converted.currency !== pledge.amount.currency && (
                <span>
                  {' '}
                  = <span className="money">{formatMoney(pledge.converted)}</span>{' '}
                  <span className="muted">({pledge.converted.source === 'REPORTED' ? 'reported' : 'converted'})</span>
                </span>
              )}
              <span className="muted">
                {' '}
                · from {pledge.donors.map((d) => d.name).join(', ')} to {pledge.recipient.name} · {formatDate(pledge.date)}
              </span>
            </div>
            {pledge.purposes.length > 0 && <div>For: {pledge.purposes.join(', ')}</div>}
            <EvidenceList evidence={pledge.evidence} />
          </li>
        ))}
      </ul>
    </div>
  );
}
