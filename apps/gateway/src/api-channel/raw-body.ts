import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { errorBody, DomainException } from '@hub/service-kit';
import { API_PREFIX } from '../api/api-prefix';

/** Where integrators post messages into an API inbox (ApiInboxMessagesController's route). */
export const API_INBOX_MESSAGES_PATH = `/${API_PREFIX}/inboxes/:id/messages`;

function tooLarge(res: Response, limit: number): void {
  const body = errorBody(
    new DomainException('PAYLOAD_TOO_LARGE', `The body must be at most ${limit} bytes`),
  );
  res.status(body.status).setHeader('connection', 'close').json(body);
}

/**
 * The API channel's body is kept as the bytes that were signed (a re-serialised JSON body would
 * not match the signature), up to `limit` bytes: a longer one is answered 413 at once, from its
 * Content-Length when it has one, without reading further. Registered ahead of the JSON parser,
 * which then leaves the request alone.
 */
export function keepRawApiMessageBodies(app: INestApplication, limit: number): void {
  app.use(
    API_INBOX_MESSAGES_PATH,
    (req: Request & { _body?: boolean }, res: Response, next: NextFunction) => {
      if (req.method !== 'POST') return next();
      if (Number(req.headers['content-length'] ?? 0) > limit) return tooLarge(res, limit);
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit && !refused) {
          refused = true;
          // Answered now; the socket closes once the answer is out, cutting the upload short.
          tooLarge(res, limit);
        }
        if (!refused) chunks.push(chunk);
      });
      req.on('end', () => {
        if (refused) return;
        req.body = Buffer.concat(chunks);
        req._body = true;
        next();
      });
      req.on('error', (error) => {
        if (!refused) next(error);
      });
    },
  );
}
