import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { API_PREFIX } from '../api/api-prefix';

/**
 * Every answer under `/api/v1/auth` (login, and whatever else hands out or ends a token) is kept
 * out of every cache: a token in a browser's or a proxy's cache outlives the session it opened.
 * By prefix, so routes added there later are covered.
 */
export function forbidCachingOfAuthAnswers(app: INestApplication): void {
  app.use(`/${API_PREFIX}/auth`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
