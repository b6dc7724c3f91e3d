import { Injectable } from '@nestjs/common';
import type { NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainException } from '../errors/domain.exception';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/**
 * REST bodies: one nested deeper than {@link MAX_JSON_DEPTH} is answered 400 VALIDATION_FAILED
 * before validation recurses into it (and overflows the stack: a 500).
 */
@Injectable()
export class JsonDepthMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    if (nestsDeeperThan(req.body)) {
      const message = `body must not nest objects or arrays deeper than ${MAX_JSON_DEPTH} levels`;
      throw new DomainException('VALIDATION_FAILED', `Invalid request: ${message}`, [
        { field: 'body', message },
      ]);
    }
    next();
  }
}
