import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedAnswer, ResponseCache } from './response-cache';

/**
 * What the front door hands on with a request whose answer may be cached: where to store it and
 * from which graph generation it is computed. The cache plugin fills in `answer` when the
 * operation turns out cacheable (an anonymous query, no errors, a public cache policy).
 */
export interface CacheTicket {
  key: string;
  generation: number;
  answer?: { body: string; maxAgeSeconds: number };
}

declare module 'node:http' {
  interface IncomingMessage {
    cacheTicket?: CacheTicket;
    /** Set by the front door when it has read and parsed the body; body-parser then leaves it be. */
    body?: unknown;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Apollo's CSRF rule (csrfPrevention): a request that a browser would send without a preflight is not served. */
function preflighted(req: IncomingMessage): boolean {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined) {
    const mime = contentType.split(';', 1)[0].trim().toLowerCase();
    if (!SIMPLE_CONTENT_TYPES.includes(mime)) return true;
  }
  return req.headers['apollo-require-preflight'] !== undefined || req.headers['x-apollo-operation-name'] !== undefined;
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [mime, ...parameters] = contentType.split(';');
  if (mime.trim().toLowerCase() !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim().toLowerCase());
    return name !== 'charset' || value === 'utf-8' || value === 'utf8';
  });
}

function send(req: IncomingMessage, res: ServerResponse, answer: CachedAnswer): void {
  const headers = [
    'content-type', answer.contentType,
    'content-length', String(answer.body.length),
    'cache-control', answer.cacheControl,
    'x-cache', 'hit',
  ];
  // A hit is not logged, so an id of our own would name nothing; the client's own is echoed.
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && REQUEST_ID.test(given)) headers.push('x-request-id', given);
  res.writeHead(200, headers);
  res.end(answer.body);
}

/** Bodies up to this size are their own key; longer ones are keyed by their sha256 (a hash costs more than a short key). */
const LITERAL_KEY_BYTES = 4096;

function bodyKey(accept: string, raw: Buffer): string {
  return raw.length <= LITERAL_KEY_BYTES
    ? `POST ${accept}\n${raw.toString('latin1')}`
    : `POST# ${accept}\n${createHash('sha256').update(raw).digest('base64')}`;
}

function refuseBadJson(res: ServerResponse, message: string): void {
  const body = JSON.stringify({
    errors: [{ message: `The request body is not valid JSON: ${message}`, extensions: { code: 'BAD_REQUEST' } }],
    extensions: { cost: { requested: 0 } },
  });
  res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Stores the answer the cache plugin marked cacheable, as the exact bytes and headers that were sent. */
function storeWhenSent(cache: ResponseCache, ticket: CacheTicket, res: ServerResponse): void {
  const end = res.end;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const answer = ticket.answer;
    if (answer && res.statusCode === 200) {
      const contentType = res.getHeader('content-type');
      const cacheControl = res.getHeader('cache-control');
      if (typeof contentType === 'string' && typeof cacheControl === 'string') {
        cache.set(
          ticket.key,
          { body: Buffer.from(answer.body), contentType, cacheControl, expiresAt: Date.now() + answer.maxAgeSeconds * 1000 },
          ticket.generation,
        );
      }
    }
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['end'];
}

/**
 * The HTTP server's first handler: answers a repeated anonymous read of /graphql straight from the
 * response cache, before Express, body parsing or GraphQL see it (that is what makes a hit cheap),
 * and hands everything else to `next`. GET requests are keyed by their URL (query, variables,
 * operation name and persisted-query hash), POST requests by their body (or its sha256); both also by
 * the Accept header, which picks the response's content type. Requests with credentials are never
 * looked up or stored, and neither is anything the CSRF rule would refuse.
 *
 * A miss for a request that this process is already computing waits for that answer instead of
 * computing it again (after a write empties the cache, 32 clients asking one costly query run it
 * once, not 32 times); if the answer was not stored (an error, a write meanwhile), it goes on alone.
 */
export function cacheFrontDoor(
  cache: ResponseCache,
  maxBodyBytes: number,
  next: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  // The requests being computed now, by key: each settles when its response is done (or dropped).
  const computing = new Map<string, Promise<void>>();
  const handOn = (req: IncomingMessage, res: ServerResponse, key: string, generation: number) => {
    const ticket: CacheTicket = { key, generation };
    req.cacheTicket = ticket;
    storeWhenSent(cache, ticket, res);
    if (!computing.has(key)) {
      computing.set(
        key,
        new Promise<void>((settle) => {
          res.once('close', () => {
            computing.delete(key);
            settle();
          });
        }),
      );
    }
    next(req, res);
  };
  /** After a miss: waits for the same request being computed, if any, and serves its answer; else hands it on. */
  const afterMiss = (req: IncomingMessage, res: ServerResponse, key: string, generation: number) => {
    const pending = computing.get(key);
    if (!pending) {
      handOn(req, res, key, generation);
      return;
    }
    void pending.then(() => {
      if (res.destroyed) return;
      const stored = cache.get(key);
      if (stored) send(req, res, stored);
      else handOn(req, res, key, generation);
    });
  };

  return (req, res) => {
    const url = req.url ?? '';
    const onGraphql = url === '/graphql' || url.startsWith('/graphql?');
    if (!cache.active || !onGraphql || req.headers.authorization !== undefined || !preflighted(req)) {
      next(req, res);
      return;
    }
    const accept = req.headers.accept ?? '';
    if (req.method === 'GET') {
      if (!url.includes('query=') && !url.includes('extensions=')) {
        next(req, res); // GraphiQL's page, or a request GraphQL will refuse
        return;
      }
      const key = `GET ${accept}\n${url}`;
      const hit = cache.get(key);
      if (hit) send(req, res, hit);
      else afterMiss(req, res, key, cache.generation);
      return;
    }
    const length = Number(req.headers['content-length']);
    if (
      req.method !== 'POST' ||
      !isJson(req.headers['content-type']) ||
      req.headers['content-encoding'] !== undefined ||
      !Number.isInteger(length) ||
      length <= 0 ||
      length > maxBodyBytes
    ) {
      next(req, res); // Express reads it and applies the body limits
      return;
    }
    // The generation is taken before the body is read: a write committed meanwhile keeps this answer out.
    const generation = cache.generation;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const raw = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      const key = bodyKey(accept, raw);
      const hit = cache.get(key);
      if (hit) {
        send(req, res, hit);
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        refuseBadJson(res, (error as Error).message);
        return;
      }
      req.body = body;
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) afterMiss(req, res, key, generation);
      else next(req, res);
    });
  };
}
