import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import type { Logger } from 'pino';
import type { SafetyConfig } from '../config';

declare module 'express-serve-static-core' {
  interface Request {
    /** This request's id: the client's X-Request-Id when well-formed, else a new UUID. Logged and echoed. */
    requestId?: string;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A GraphQL-shaped error answer for requests refused before they reach GraphQL. */
export function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }], extensions: { cost: { requested: 0 } } }));
}

/** Tokens in a document, counting no further than `limit + 1`; null when it does not lex (GraphQL reports that). */
export function countTokens(query: string, limit: number): number | null {
  try {
    const lexer = new Lexer(new Source(query));
    let count = 0;
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > limit) break;
    }
    return count;
  } catch {
    return null;
  }
}

/** Gives the request its id and answers 503 REQUEST_TIMEOUT if nothing was sent within the request timeout. */
export function requestIdAndTimeout(config: SafetyConfig, logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.get('x-request-id');
    req.requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', req.requestId);
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      logger.warn({ requestId: req.requestId, timeoutMs: config.requestTimeoutMs }, 'request timed out');
      refuse(res, 503, 'REQUEST_TIMEOUT', `The request took longer than ${config.requestTimeoutMs} ms (REQUEST_TIMEOUT_MS) and was abandoned; retry later or ask for less.`, {
        requestId: req.requestId,
      });
      // Whatever the abandoned request produces later is dropped: its answer has been given.
      const drop = () => res;
      Object.assign(res, { status: drop, setHeader: drop, send: drop, json: drop, end: drop, write: () => true, writeHead: drop });
    }, config.requestTimeoutMs);
    res.on('close', () => clearTimeout(timer));
    res.on('finish', () => clearTimeout(timer));
    next();
  };
}

/**
 * Checks applied to the HTTP request before GraphQL sees it: body size (MAX_BODY_BYTES), operations
 * in a batched array (MAX_OPERATIONS), document size (MAX_DOCUMENT_BYTES) and tokens (MAX_TOKENS). Each refusal names its limit.
 */
export function requestGuards(config: SafetyConfig): (RequestHandler | ErrorRequestHandler)[] {
  const tooLarge: ErrorRequestHandler = (error, req, res, next) => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      refuse(res, 413, 'PAYLOAD_TOO_LARGE', `Request body too large: the limit is ${config.maxBodyBytes} bytes (MAX_BODY_BYTES).`, {
        limit: 'MAX_BODY_BYTES',
        max: config.maxBodyBytes,
      });
      return;
    }
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
      refuse(res, 400, 'BAD_REQUEST', `The request body is not valid JSON: ${(error as Error).message}`);
      return;
    }
    next(error);
  };
  const shape: RequestHandler = (req, res, next) => {
    const operations: unknown[] = Array.isArray(req.body) ? req.body : [req.body ?? req.query];
    if (Array.isArray(req.body) && operations.length > config.maxOperations) {
      refuse(
        res,
        400,
        'TOO_MANY_OPERATIONS',
        config.maxOperations === 1
          ? 'Batched requests are not accepted: at most 1 operation per request (MAX_OPERATIONS=1).'
          : `Operations limit of ${config.maxOperations} per request exceeded, found ${operations.length} (MAX_OPERATIONS).`,
        { limit: 'MAX_OPERATIONS', max: config.maxOperations, found: operations.length },
      );
      return;
    }
    for (const operation of operations) {
      const query = (operation as { query?: unknown } | null)?.query;
      if (typeof query === 'string' && Buffer.byteLength(query) > config.maxDocumentBytes) {
        refuse(
          res,
          413,
          'DOCUMENT_TOO_LARGE',
          `Document too large: ${Buffer.byteLength(query)} bytes, the limit is ${config.maxDocumentBytes} bytes (MAX_DOCUMENT_BYTES).`,
          { limit: 'MAX_DOCUMENT_BYTES', max: config.maxDocumentBytes },
        );
        return;
      }
      const tokens = typeof query === 'string' ? countTokens(query, config.maxTokens) : null;
      if (tokens !== null && tokens > config.maxTokens) {
        refuse(res, 400, 'GRAPHQL_VALIDATION_FAILED', `Token limit of ${config.maxTokens} exceeded (MAX_TOKENS).`, { limit: 'MAX_TOKENS', max: config.maxTokens });
        return;
      }
    }
    next();
  };
  return [express.json({ limit: config.maxBodyBytes }), tooLarge, shape];
}
