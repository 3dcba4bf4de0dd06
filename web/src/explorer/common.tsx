import { useEffect, useRef, type ReactNode } from 'react';
import type { ActorRef } from './types';
import { titleCase } from './format';

export function ActorLink({ actor }: { actor: Pick<ActorRef, 'slug' | 'name'> }) {
  return <a href={`#/actor/${encodeURIComponent(actor.slug)}`}>{actor.name}</a>;
}

export function EventLink({ event }: { event: { slug: string; title: string } }) {
  return <a href={`#/event/${encodeURIComponent(event.slug)}`}>{event.title}</a>;
}

export function KindBadge({ kind }: { kind: string }) {
  return <span className={`badge kind-${kind.toLowerCase()}`}>{titleCase(kind)}</span>;
}

/** The page's heading; it takes focus when the page changes, so keyboard users start there. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Newsgraph explorer`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function Failure({ error }: { error: Error }) {
  return (
    <p role="alert" className="error">
      {error.message}
    </p>
  );
}
