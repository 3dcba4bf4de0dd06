import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ActorPage } from './ActorPage';
import { CurrencyProvider } from './currency';
import { ArticlePage, EventPage, PlacePage } from './EventPage';
import { NetworkView } from './NetworkView';
import { Search } from './Search';
import './explorer.css';

/** The route is the URL's hash (#/actor/steve-witkoff), so the server needs no page routes. */
function useRoute(): string[] {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => {
      setHash(window.location.hash);
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
}

function Page({ route }: { route: string[] }) {
  const [view, slug] = route;
  if (view && slug) {
    if (view === 'actor') return <ActorPage slug={slug} />;
    if (view === 'event') return <EventPage slug={slug} />;
    if (view === 'place') return <PlacePage slug={slug} />;
    if (view === 'article') return <ArticlePage slug={slug} />;
    if (view === 'network') return <NetworkView focus={slug} />;
  }
  if (view) return <p role="alert">There is no page at “{route.join('/')}”. <a href="#/">Back to the network</a></p>;
  return <NetworkView />;
}

function App() {
  const route = useRoute();
  return (
    <CurrencyProvider>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        Skip to content
      </a>
      <header className="top-bar">
        <a className="brand" href="#/">
          Newsgraph
        </a>
        <Search />
        <nav aria-label="Elsewhere">
          <a href="#/">Network</a> <a href="/graphql">GraphQL IDE</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page key={route.join('/')} route={route} />
      </main>
    </CurrencyProvider>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
