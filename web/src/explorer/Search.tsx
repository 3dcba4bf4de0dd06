import { useEffect, useId, useRef, useState } from 'react';
import { gql } from './api';
import { titleCase } from './format';
import { SEARCH } from './queries';

interface Hit {
  score: number;
  snippet: string;
  node:
    | { __typename: 'Person' | 'Country' | 'Organization'; slug: string; name: string }
    | { __typename: 'Meeting' | 'Gathering' | 'Pledge' | 'Statement' | 'Proposal' | 'Action'; slug: string; title: string }
    | { __typename: 'Place'; slug: string; name: string }
    | { __typename: 'Article'; slug: string; title: string }
    | { __typename: string };
}

/** Where a hit leads, and what to call it. */
export function hitTarget(hit: Hit): { href: string; label: string; kind: string } | null {
  const node = hit.node as { __typename: string; slug?: string; name?: string; title?: string };
  if (!node.slug) return null;
  const slug = encodeURIComponent(node.slug);
  switch (node.__typename) {
    case 'Person':
    case 'Country':
    case 'Organization':
      return { href: `#/actor/${slug}`, label: node.name!, kind: node.__typename };
    case 'Place':
      return { href: `#/place/${slug}`, label: node.name!, kind: 'Place' };
    case 'Article':
      return { href: `#/article/${slug}`, label: node.title!, kind: 'Article' };
    default:
      return { href: `#/event/${slug}`, label: node.title!, kind: titleCase(node.__typename.toUpperCase()) };
  }
}

/** The search box: results as the user types (typos tolerated by the API), as links. */
export function Search() {
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const words = text.trim();
    if (!words) {
      setHits(null);
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      gql<{ search: Hit[] }>(SEARCH, { text: words }, controller.signal).then(
        (data) => {
          setHits(data.search);
          setError(null);
        },
        (failure: Error) => {
          if (!controller.signal.aborted) setError(failure.message);
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  useEffect(() => {
    const close = () => setOpen(false);
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, []);

  const targets = (hits ?? []).map((hit) => ({ hit, target: hitTarget(hit) })).filter((entry) => entry.target);
  return (
    <div
      className="search"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          setOpen(false);
          root.current?.querySelector('input')?.focus();
        }
      }}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (targets[0]) window.location.hash = targets[0].target!.href;
        }}
      >
        <label htmlFor="search-input" className="visually-hidden">
          Search actors, events, places and articles
        </label>
        <input
          id="search-input"
          type="search"
          placeholder="Search (typos are fine): Witkof, Brussels, pledge…"
          autoComplete="off"
          value={text}
          aria-controls={listId}
          aria-expanded={open && hits !== null}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              root.current?.querySelector<HTMLAnchorElement>('.search-results a')?.focus();
            }
          }}
        />
      </form>
      {open && (hits !== null || error) && (
        <div className="search-results" id={listId}>
          {error && <p role="alert">Search failed: {error}</p>}
          {hits !== null && !targets.length && <p className="muted">Nothing matches “{text.trim()}”.</p>}
          {targets.length > 0 && (
            <ul
              aria-label="Search results"
              onKeyDown={(event) => {
                if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
                event.preventDefault();
                const links = [...(root.current?.querySelectorAll<HTMLAnchorElement>('.search-results a') ?? [])];
                const at = links.indexOf(document.activeElement as HTMLAnchorElement);
                const next = at + (event.key === 'ArrowDown' ? 1 : -1);
                if (next < 0) root.current?.querySelector('input')?.focus();
                else links[Math.min(next, links.length - 1)]?.focus();
              }}
            >
              {targets.map(({ hit, target }) => (
                <li key={target!.href}>
                  <a href={target!.href}>
                    <span className="badge">{target!.kind}</span> <strong>{target!.label}</strong>
                    <span className="snippet">{hit.snippet}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
