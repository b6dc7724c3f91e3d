import { Injectable } from '@nestjs/common';
import type {
  CallHandler,
  ExecutionContext,
  NestInterceptor,
  NestMiddleware,
} from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import type { MsgHdrs } from '@nats-io/transport-node';
import { CORRELATION_HEADER, currentCorrelationId, withCorrelationId } from '@hub/observability';
import type { NextFunction, Request, Response } from 'express';
import { Observable } from 'rxjs';

/** HTTP edge: takes the caller's correlation id or mints one, and echoes it in the response. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    withCorrelationId(req.header(CORRELATION_HEADER), () => {
      res.setHeader(CORRELATION_HEADER, currentCorrelationId() as string);
      next();
    });
  }
}

/** NATS request handlers run inside the correlation id their caller sent in the headers. */
@Injectable()
export class RpcCorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const headers = context.switchToRpc().getContext<NatsContext>().getHeaders() as
      MsgHdrs | undefined;
    const correlationId = headers?.get(CORRELATION_HEADER) || undefined;
    return new Observable((subscriber) =>
      withCorrelationId(correlationId, () => next.handle().subscribe(subscriber)),
    );
  }
}
