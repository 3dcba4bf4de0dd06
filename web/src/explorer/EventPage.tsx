import { useQuery } from './api';
import { ActorLink, EventLink, Failure, KindBadge, Loading, PageTitle } from './common';
import { CurrencyPicker, useCurrency } from './currency';
import { EvidenceList } from './Evidence';
import { formatDate, formatMoney, ordinal, titleCase } from './format';
import { ARTICLE_PAGE, EVENT_PAGE, PLACE_PAGE } from './queries';
import type { ActorRef, Evidence, EventKind, Money, Participation, PartialDate } from './types';

interface EventPageData {
  event:
    | ({
        __typename: string;
        slug: string;
        title: string;
        kind: EventKind;
        status: string;
        date: PartialDate | null;
        place: { slug: string; name: string } | null;
        participants: Participation[];
        evidence: Evidence[];
      } & Partial<{
        ordinal: number | null;
        purpose: string | null;
        agenda: string[];
        amount: Money;
        converted: Money | null;
        reportedAmounts: Money[];
        amountEvidence: Evidence[];
        donors: ActorRef[];
        recipient: ActorRef;
        purposes: string[];
        announcedBy: ActorRef | null;
        quote: string;
        mode: string;
        speaker: ActorRef;
        about: ActorRef[];
        summary: string | null;
        proposedBy: ActorRef;
        stances: Array<{ position: string; conditions: string[]; actor: ActorRef; evidence: Evidence[] }>;
        category: string;
      }>)
    | null;
}

/** One event: what, when, where, who, the kind's own facts, and the article spans behind them. */
export function EventPage({ slug }: { slug: string }) {
  const { currency } = useCurrency();
  const { data, error, forKey } = useQuery<EventPageData>(EVENT_PAGE, { slug, currency });
  if (error) return <Failure error={error} />;
  if (!data || (JSON.parse(forKey || '{}') as { slug?: string }).slug !== slug) return <Loading what="the event" />;
  const event = data.event;
  if (!event) return <p role="alert">No event is called “{slug}”.</p>;
  return (
    <article className="page event-page">
      <header className="page-header">
        <PageTitle title={event.title}>{event.title}</PageTitle>
        <p>
          <KindBadge kind={event.kind} /> {formatDate(event.date)}
          {event.place && (
            <>
              {' · '}
              <a href={`#/place/${encodeURIComponent(event.place.slug)}`}>{event.place.name}</a>
            </>
          )}
          {event.status !== 'OCCURRED' && <span className="badge">{titleCase(event.status)}</span>}
          {event.category && <span className="muted"> · {event.category}</span>}
        </p>
      </header>

      {event.amount && (
        <section aria-labelledby="amount" className="amount">
          <h2 id="amount">Amount</h2>
          <p className="money-line">
            <span className="money stated-amount">{formatMoney(event.amount)}</span> <span className="muted">as the article states it</span>
          </p>
          <CurrencyPicker id="event-currency" />
          <p className="money-line" aria-live="polite">
            {event.converted ? (
              <>
                In {currency}: <span className="money converted-amount">{formatMoney(event.converted)}</span>{' '}
                <span className="muted">
                  {event.converted.source === 'REPORTED'
                    ? event.converted.currency === event.amount.currency
                      ? '(the stated figure)'
                      : '(the article reports this figure itself)'
                    : event.converted.rate
                      ? `(converted at 1 ${event.converted.rate.from} = ${event.converted.rate.value} ${event.converted.rate.to}, ${event.converted.rate.asOf}; ${event.converted.rate.source})`
                      : '(converted)'}
                </span>
              </>
            ) : (
              <span className="muted">No exchange rate connects {event.amount.currency} and {currency}.</span>
            )}
          </p>
          {event.reportedAmounts && event.reportedAmounts.length > 1 && (
            <p>Figures the article gives: {event.reportedAmounts.map((money) => formatMoney(money)).join(' = ')}</p>
          )}
          <EvidenceList evidence={event.evidence} open label="Evidence" />
          <EvidenceList evidence={event.amountEvidence ?? []} label="The figure" />
        </section>
      )}

      {event.quote && (
        <section aria-labelledby="quote">
          <h2 id="quote">{event.mode === 'DIRECT' ? 'Quote' : 'Reported speech'}</h2>
          <blockquote>{event.mode === 'DIRECT' ? <q>{event.quote}</q> : event.quote}</blockquote>
          {event.speaker && (
            <p>
              — <ActorLink actor={event.speaker} />
              {event.about && event.about.length > 0 && (
                <span className="muted">
                  {' '}
                  about{' '}
                  {event.about.map((actor, index) => (
                    <span key={actor.slug}>
                      {index > 0 && ', '}
                      <ActorLink actor={actor} />
                    </span>
                  ))}
                </span>
              )}
            </p>
          )}
        </section>
      )}

      {(event.ordinal != null || event.purpose || (event.agenda && event.agenda.length > 0)) && (
        <section aria-labelledby="meeting">
          <h2 id="meeting">Meeting</h2>
          <ul className="facts">
            {event.ordinal != null && <li>Their {ordinal(event.ordinal)} meeting</li>}
            {event.purpose && <li>Purpose: {event.purpose}</li>}
            {event.agenda && event.agenda.length > 0 && <li>Agenda: {event.agenda.join('; ')}</li>}
          </ul>
        </section>
      )}

      {event.donors && event.recipient && (
        <section aria-labelledby="pledge">
          <h2 id="pledge">Pledge</h2>
          <ul className="facts">
            <li>
              From{' '}
              {event.donors.map((donor, index) => (
                <span key={donor.slug}>
                  {index > 0 && ', '}
                  <ActorLink actor={donor} />
                </span>
              ))}{' '}
              to <ActorLink actor={event.recipient} />
            </li>
            {event.purposes && event.purposes.length > 0 && <li>For: {event.purposes.join(', ')}</li>}
            {event.announcedBy && (
              <li>
                Announced by <ActorLink actor={event.announcedBy} />
              </li>
            )}
          </ul>
        </section>
      )}

      {event.proposedBy && (
        <section aria-labelledby="proposal">
          <h2 id="proposal">Proposal</h2>
          <p>
            Proposed by <ActorLink actor={event.proposedBy} />
            {event.summary && `: ${event.summary}`}
          </p>
          <ul className="facts">
            {(event.stances ?? []).map((stance) => (
              <li key={stance.actor.slug}>
                <ActorLink actor={stance.actor} /> <span className={`badge stance-${stance.position.toLowerCase()}`}>{titleCase(stance.position)}</span>
                {stance.conditions.length > 0 && <div>Conditions: {stance.conditions.join('; ')}</div>}
                <EvidenceList evidence={stance.evidence} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="participants">
        <h2 id="participants">Participants</h2>
        <ul className="facts">
          {event.participants.map((participant) => (
            <li key={`${participant.actor.slug}:${participant.role ?? ''}`}>
              <ActorLink actor={participant.actor} /> {participant.role && <span className="muted">as {participant.role}</span>}
            </li>
          ))}
        </ul>
      </section>

      {!event.amount && (
        <section aria-labelledby="evidence">
          <h2 id="evidence">Evidence</h2>
          <EvidenceList evidence={event.evidence} open />
        </section>
      )}
    </article>
  );
}

/** A place and what happened there. */
export function PlacePage({ slug }: { slug: string }) {
  const { data, error } = useQuery<{
    place: { slug: string; name: string; country: ActorRef | null; evidence: Evidence[]; events: Array<{ slug: string; title: string; kind: EventKind; date: PartialDate | null }> } | null;
  }>(PLACE_PAGE, { slug });
  if (error) return <Failure error={error} />;
  if (!data || (data.place && data.place.slug !== slug)) return <Loading what="the place" />;
  const place = data.place;
  if (!place) return <p role="alert">No place is called “{slug}”.</p>;
  return (
    <article className="page">
      <header className="page-header">
        <PageTitle title={place.name}>{place.name}</PageTitle>
        {place.country && (
          <p>
            in <ActorLink actor={place.country} />
          </p>
        )}
        <EvidenceList evidence={place.evidence} label="Mentioned" />
      </header>
      <section aria-labelledby="place-events">
        <h2 id="place-events">Events here</h2>
        <ol className="timeline">
          {place.events.map((event) => (
            <li key={event.slug}>
              <time>{formatDate(event.date)}</time>
              <div>
                <KindBadge kind={event.kind} /> <EventLink event={event} />
              </div>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/** An article's full text, as stored (evidence spans index into it). */
export function ArticlePage({ slug }: { slug: string }) {
  const { data, error } = useQuery<{ article: { slug: string; title: string; url: string | null; publishedOn: PartialDate; text: string } | null }>(
    ARTICLE_PAGE,
    { slug },
  );
  if (error) return <Failure error={error} />;
  if (!data || (data.article && data.article.slug !== slug)) return <Loading what="the article" />;
  const article = data.article;
  if (!article) return <p role="alert">No article is called “{slug}”.</p>;
  return (
    <article className="page">
      <header className="page-header">
        <PageTitle title={article.title}>{article.title}</PageTitle>
        <p className="muted">
          Published {formatDate(article.publishedOn)}
          {article.url && <> · source: {article.url}</>}
        </p>
      </header>
      <div className="article-text full">{article.text}</div>
    </article>
  );
}
