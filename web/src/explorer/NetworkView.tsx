import cytoscape from 'cytoscape';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { gql } from './api';
import { ActorLink, EventLink, Failure, PageTitle } from './common';
import { CurrencyPicker, useCurrency } from './currency';
import { formatDate, titleCase } from './format';
import { emptyGraph, LINK_KINDS, mergeEvents, visible, type EventNode, type Graph, type LinkFilter, type LinkKind, type NeighbourhoodData } from './graph';
import { NEIGHBOURHOOD, OVERVIEW } from './queries';

const PAGE = 100;
const LIST_LIMIT = 60;

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'background-color': '#57606a',
      width: 22,
      height: 22,
      color: '#1f2328',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
    },
  },
  { selector: 'node[kind = "PERSON"]', style: { 'background-color': '#1f6feb', shape: 'ellipse' } },
  { selector: 'node[kind = "COUNTRY"]', style: { 'background-color': '#1a7f37', shape: 'round-rectangle' } },
  { selector: 'node[kind = "ORGANIZATION"]', style: { 'background-color': '#8250df', shape: 'hexagon' } },
  { selector: 'node[kind = "PROPOSAL"]', style: { 'background-color': '#bc4c00', shape: 'diamond' } },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1f2328' } },
  { selector: 'node:selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#1f6feb' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'curve-style': 'bezier',
      'line-color': '#8c959f',
      'target-arrow-color': '#8c959f',
      opacity: 0.85,
      label: 'data(label)',
      'font-size': 9,
      color: '#57606a',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
    },
  },
  ...LINK_KINDS.map(({ kind, color }) => ({ selector: `edge[kind = "${kind}"]`, style: { 'line-color': color, 'target-arrow-color': color } })),
  { selector: 'edge[?directed]', style: { 'target-arrow-shape': 'triangle' } },
  { selector: 'edge[kind = "STATEMENT"]', style: { 'line-style': 'dashed' } },
  { selector: 'edge:selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#1f6feb' } },
];

type Selection = { type: 'node'; id: string } | { type: 'edge'; id: string } | null;

/**
 * Actors and the events that link them, drawn with Cytoscape. Clicking (or the "Expand" buttons,
 * for keyboards) adds an actor's neighbourhood; the filters hide kinds of link and dates. The
 * lists beside the drawing hold the same content as links.
 */
export function NetworkView({ focus }: { focus?: string }) {
  const { currency } = useCurrency();
  const [graph, setGraph] = useState<Graph>(emptyGraph);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [filter, setFilter] = useState<LinkFilter>({ kinds: new Set(LINK_KINDS.filter((k) => k.kind !== 'STATEMENT').map((k) => k.kind)), from: '', to: '', undated: true });
  const [selection, setSelection] = useState<Selection>(null);
  const [status, setStatus] = useState('Loading the network…');
  const [error, setError] = useState<Error | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const loaded = useRef<{ currency: string; roots: string[] }>({ currency, roots: [] });

  const load = useCallback(async (root: string | null, forCurrency: string, signal?: AbortSignal) => {
    if (root === null) {
      const data = await gql<{ events: NeighbourhoodData['events'] }>(OVERVIEW, { currency: forCurrency, first: PAGE }, signal);
      setGraph((current) => mergeEvents(current, data.events.edges.map((e) => e.node)));
      return `Showing ${data.events.edges.length} of ${data.events.totalCount} events. Click an actor to add its neighbourhood.`;
    }
    const data = await gql<NeighbourhoodData>(NEIGHBOURHOOD, { slug: root, currency: forCurrency, first: PAGE }, signal);
    if (!data.actor) throw new Error(`No actor is called “${root}”.`);
    const events: EventNode[] = data.events.edges.map((e) => e.node);
    setGraph((current) => mergeEvents(current, events, data.actor));
    setExpanded((current) => (current.includes(root) ? current : [...current, root]));
    const more = data.events.totalCount > events.length ? ` (the first ${events.length} of ${data.events.totalCount})` : '';
    return `Added ${data.actor.name}: ${events.length} events${more}.`;
  }, []);

  const expand = useCallback(
    (slug: string) => {
      if (slug.startsWith('proposal:')) return;
      setStatus(`Loading the neighbourhood of ${slug}…`);
      load(slug, loaded.current.currency).then(
        (message) => {
          loaded.current.roots = [...new Set([...loaded.current.roots, slug])];
          setStatus(message);
        },
        (failure: Error) => setError(failure),
      );
    },
    [load],
  );

  // First picture: the focused actor's neighbourhood, or the first events of the store.
  useEffect(() => {
    const controller = new AbortController();
    setGraph(emptyGraph);
    setExpanded([]);
    setSelection(null);
    setError(null);
    const root = focus ?? null;
    loaded.current = { currency, roots: root ? [root] : [] };
    load(root, currency, controller.signal).then(setStatus, (failure: Error) => {
      if (!controller.signal.aborted) setError(failure);
    });
    return () => controller.abort();
    // Not on a currency switch: that only re-weighs pledges (below) and keeps the picture.
  }, [focus, load]);

  // A new currency: fetch the same neighbourhoods again so pledge widths compare in it.
  useEffect(() => {
    if (loaded.current.currency === currency) return;
    loaded.current.currency = currency;
    const roots: Array<string | null> = focus ? loaded.current.roots : [null, ...loaded.current.roots];
    Promise.all(roots.map((root) => load(root, currency))).then(
      () => setStatus(`Pledge widths now compare amounts in ${currency}.`),
      (failure: Error) => setError(failure),
    );
  }, [currency, focus, load]);

  const shown = useMemo(() => visible(graph, filter, [...expanded, ...(focus ? [focus] : [])]), [graph, filter, expanded, focus]);

  // The Cytoscape instance lives as long as the view; React state is copied into it.
  useEffect(() => {
    const instance = cytoscape({ container: container.current, style: STYLE, minZoom: 0.2, maxZoom: 3 });
    cy.current = instance;
    return () => {
      instance.destroy();
      cy.current = null;
    };
  }, []);

  const handlers = useRef({ expand, setSelection });
  handlers.current = { expand, setSelection };
  useEffect(() => {
    const instance = cy.current!;
    instance.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      handlers.current.setSelection({ type: 'node', id });
      handlers.current.expand(id);
    });
    instance.on('tap', 'edge', (event) => handlers.current.setSelection({ type: 'edge', id: event.target.id() as string }));
    instance.on('tap', (event) => {
      if (event.target === instance) handlers.current.setSelection(null);
    });
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    let added = false;
    instance.batch(() => {
      instance.elements().forEach((element) => {
        const id = element.id();
        if (element.isNode() ? !shown.nodes[id] : !shown.edges[id]) instance.remove(element);
      });
      for (const node of Object.values(shown.nodes)) {
        const existing = instance.getElementById(node.id);
        if (existing.nonempty()) existing.data({ label: node.label, kind: node.kind });
        else {
          instance.add({ group: 'nodes', data: { ...node } });
          added = true;
        }
      }
      for (const edge of Object.values(shown.edges)) {
        const data = { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind, label: edge.label, width: edge.width, directed: edge.kind !== 'MEETING' && edge.kind !== 'GATHERING' };
        const existing = instance.getElementById(edge.id);
        if (existing.nonempty()) existing.data(data);
        else {
          instance.add({ group: 'edges', data });
          added = true;
        }
      }
      instance.nodes().removeClass('expanded');
      for (const slug of expanded) instance.getElementById(slug).addClass('expanded');
    });
    if (added && instance.nodes().length) {
      instance.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, randomize: false, padding: 24, idealEdgeLength: () => 90 } as cytoscape.LayoutOptions).run();
      instance.fit(undefined, 24);
    }
  }, [shown, expanded]);

  const nodes = Object.values(shown.nodes).sort((a, b) => a.label.localeCompare(b.label));
  const edges = Object.values(shown.edges);
  const events = [...new Map(edges.map((edge) => [edge.event.slug, edge])).values()];
  const selectedNode = selection?.type === 'node' ? graph.nodes[selection.id] : undefined;
  const selectedEdge = selection?.type === 'edge' ? graph.edges[selection.id] : undefined;

  const toggleKind = (kind: LinkKind) =>
    setFilter((current) => {
      const kinds = new Set(current.kinds);
      if (kinds.has(kind)) kinds.delete(kind);
      else kinds.add(kind);
      return { ...current, kinds };
    });

  return (
    <article className="page network-page">
      <header className="page-header">
        <PageTitle title={focus ? `Network around ${graph.nodes[focus]?.label ?? focus}` : 'Network'}>
          {focus ? <>Network around {graph.nodes[focus]?.label ?? focus}</> : 'Who met, pledged to and took a stance with whom'}
        </PageTitle>
        {focus && (
          <p>
            <a href={`#/actor/${encodeURIComponent(focus)}`}>Open the page of {graph.nodes[focus]?.label ?? focus}</a> · <a href="#/">Whole network</a>
          </p>
        )}
      </header>
      <form className="network-filters" aria-label="Filter the network" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>Links</legend>
          {LINK_KINDS.map(({ kind, label, color }) => (
            <label key={kind} className="kind-toggle">
              <input type="checkbox" checked={filter.kinds.has(kind)} onChange={() => toggleKind(kind)} />
              <span className="swatch" style={{ background: color }} aria-hidden="true" /> {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Dates</legend>
          <label>
            from <input type="date" value={filter.from} onChange={(event) => setFilter({ ...filter, from: event.target.value })} />
          </label>{' '}
          <label>
            to <input type="date" value={filter.to} onChange={(event) => setFilter({ ...filter, to: event.target.value })} />
          </label>{' '}
          <label>
            <input type="checkbox" checked={filter.undated} onChange={(event) => setFilter({ ...filter, undated: event.target.checked })} /> undated events
          </label>
        </fieldset>
        <fieldset>
          <legend>Pledge widths</legend>
          <CurrencyPicker id="network-currency" />
        </fieldset>
      </form>
      {error && <Failure error={error} />}
      <p className="muted" role="status">
        {status} {nodes.length} actors and proposals, {edges.length} links shown.
      </p>
      <div className="network-layout">
        <div
          className="network-canvas"
          ref={container}
          role="img"
          aria-label={`Network of ${nodes.length} actors and proposals and ${edges.length} links; the lists beside it hold the same.`}
        />
        <aside className="network-side" aria-label="Selection and lists">
          {selectedNode && (
            <section className="selection" aria-live="polite">
              <h2>{selectedNode.label}</h2>
              {selectedNode.kind === 'PROPOSAL' ? (
                <p>
                  <a href={`#/event/${encodeURIComponent(selectedNode.id.slice('proposal:'.length))}`}>Open the proposal</a>
                </p>
              ) : (
                <p>
                  {titleCase(selectedNode.kind)} · <ActorLink actor={{ slug: selectedNode.id, name: 'Open page' }} />
                  {expanded.includes(selectedNode.id) ? <span className="muted"> · neighbourhood shown</span> : null}
                </p>
              )}
            </section>
          )}
          {selectedEdge && (
            <section className="selection" aria-live="polite">
              <h2>{titleCase(selectedEdge.kind)}</h2>
              <p>
                {graph.nodes[selectedEdge.source]?.label} — {selectedEdge.label} — {graph.nodes[selectedEdge.target]?.label}
              </p>
              <p>
                <EventLink event={selectedEdge.event} /> <span className="muted">{formatDate(selectedEdge.date)}</span>
              </p>
            </section>
          )}
          <section>
            <h2>Actors in view</h2>
            <ul className="node-list">
              {nodes.slice(0, LIST_LIMIT).map((node) => (
                <li key={node.id}>
                  {node.kind === 'PROPOSAL' ? (
                    <EventLink event={{ slug: node.id.slice('proposal:'.length), title: node.label }} />
                  ) : (
                    <>
                      <ActorLink actor={{ slug: node.id, name: node.label }} />{' '}
                      <button type="button" disabled={expanded.includes(node.id)} onClick={() => expand(node.id)} aria-label={`Expand ${node.label}`}>
                        {expanded.includes(node.id) ? 'expanded' : 'Expand'}
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
            {nodes.length > LIST_LIMIT && <p className="muted">and {nodes.length - LIST_LIMIT} more</p>}
          </section>
          <section>
            <h2>Events in view</h2>
            <ul className="event-list">
              {events.slice(0, LIST_LIMIT).map((edge) => (
                <li key={edge.event.slug}>
                  <EventLink event={edge.event} /> <span className="muted">{formatDate(edge.date)}</span>
                </li>
              ))}
            </ul>
            {events.length > LIST_LIMIT && <p className="muted">and {events.length - LIST_LIMIT} more</p>}
          </section>
        </aside>
      </div>
    </article>
  );
}
