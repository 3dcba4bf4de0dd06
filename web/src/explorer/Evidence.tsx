import { useEffect, useRef, useState } from 'react';
import { articleText } from './api';
import type { Evidence } from './types';

/**
 * The facts' support: each span opens (a native <details>, so keyboard and screen readers work)
 * onto the article's text with the span highlighted and scrolled into view.
 */
export function EvidenceList({ evidence, open = false, label = 'Evidence' }: { evidence: Evidence[]; open?: boolean; label?: string }) {
  if (!evidence.length) return null;
  return (
    <div className="evidence-list">
      {evidence.map((item, index) => (
        <EvidenceItem key={`${item.article.slug}:${item.start}:${item.end}`} evidence={item} open={open && index === 0} label={label} />
      ))}
    </div>
  );
}

function EvidenceItem({ evidence, open, label }: { evidence: Evidence; open: boolean; label: string }) {
  const [isOpen, setOpen] = useState(open);
  return (
    <details className="evidence" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="evidence-label">{label}</span> <q>{shorten(evidence.quote, 90)}</q>
      </summary>
      {isOpen && <ArticleSpan evidence={evidence} />}
    </details>
  );
}

function ArticleSpan({ evidence }: { evidence: Evidence }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    let live = true;
    articleText(evidence.article.slug).then(
      (value) => live && setText(value),
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
  }, [evidence.article.slug]);
  // The box is position: relative, so the mark's offsetTop is measured from the box's top.
  useEffect(() => {
    if (box.current && mark.current) box.current.scrollTop = Math.max(0, mark.current.offsetTop - box.current.clientHeight / 3);
  }, [text]);
  if (error) return <p role="alert">Could not load the article: {error}</p>;
  if (text === null) return <p className="muted">Loading the article…</p>;
  const span = text.slice(evidence.start, evidence.end);
  return (
    <figure className="article-span">
      <figcaption>
        <a href={`#/article/${encodeURIComponent(evidence.article.slug)}`}>{evidence.article.title}</a>{' '}
        <span className="muted">
          characters {evidence.start}–{evidence.end}
        </span>
        {span !== evidence.quote && <strong role="alert"> The article's text here differs from the quoted evidence.</strong>}
      </figcaption>
      <div className="article-text" ref={box} tabIndex={0} aria-label={`Text of ${evidence.article.title}`}>
        {text.slice(0, evidence.start)}
        <mark ref={mark}>{span}</mark>
        {text.slice(evidence.end)}
      </div>
    </figure>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
