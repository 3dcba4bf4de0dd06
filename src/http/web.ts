import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Request, type Router } from 'express';
import { projectRoot } from '../common/project-root';

export interface WebPagesOptions {
  /** Serve GraphiQL at GET /graphql to browsers. */
  ideEnabled: boolean;
  /** The Vite build output (web/ built by `npm run build`); default dist/web. */
  webRoot?: string;
}

/**
 * Everything the pages may load comes from this server: the policy makes the browser refuse any
 * other host (scripts, styles, fonts, workers, requests), so a CDN dependency would show up as
 * an error, not as a silent fetch. Styles may be inline (Monaco and React set them at run time).
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A browser navigating to the URL (Accept prefers HTML), not a GraphQL client. */
function wantsPage(req: Request): boolean {
  return req.accepts(['application/json', 'html']) === 'html' && req.query.query === undefined;
}

/**
 * The explorer at / and GraphiQL at GET /graphql, both built ahead of time by Vite into dist/web
 * (`npm run build`, run by `npm install` through `prepare`); nothing is built at run time. When
 * the build is missing the API still works and the pages answer 503 saying how to build them.
 */
export function webPages(options: WebPagesOptions): Router {
  const webRoot = options.webRoot ?? join(projectRoot(), 'dist', 'web');
  const built = existsSync(join(webRoot, 'index.html')) && existsSync(join(webRoot, 'ide.html'));
  if (!built) console.warn(`web pages are not built (${webRoot} is incomplete): run \`npm run build\`; the GraphQL API works without them`);
  const notBuilt = `The web pages are not built: run \`npm run build\` (${webRoot} is missing). POST GraphQL to /graphql meanwhile.\n`;
  const router = express.Router();
  const page = (file: string) => (_req: Request, res: express.Response) => {
    if (!built) {
      res.status(503).type('text').send(notBuilt);
      return;
    }
    res.set({ 'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-cache' });
    res.sendFile(join(webRoot, file));
  };

  const ide = page('ide.html');
  router.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) next();
    else if (options.ideEnabled) ide(req, res);
    else res.status(404).type('text').send('The GraphQL IDE is turned off on this server (IDE_ENABLED). POST GraphQL to /graphql; the explorer is at /.\n');
  });
  const explorer = page('index.html');
  // Nothing but the explorer lives at /, so any GET gets it (curl's Accept: */* included).
  router.get(['/', '/index.html'], explorer);
  // ide.html is reachable through /graphql only, so IDE_ENABLED=false really turns it off.
  router.get('/ide.html', (_req, res) => {
    res.status(404).type('text').send('Not found\n');
  });
  // Asset names carry a content hash: cache them for good.
  router.use(
    '/assets',
    express.static(join(webRoot, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  return router;
}
