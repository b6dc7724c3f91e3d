import { Catch, HttpException, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';
import { DomainException, errorBody, type ErrorBody } from './domain.exception';

/**
 * Maps anything thrown by a handler to the one error shape: an HTTP response for REST, an
 * error reply for NATS requests (which the caller's RpcClient turns back into a DomainException).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<ErrorBody> | undefined {
    const body = this.toBody(exception);
    if (body.status >= 500) this.logger.error({ err: exception }, 'handler failed');
    if (host.getType() === 'rpc') return throwError(() => body);
    const response = host.switchToHttp().getResponse<Response>();
    // RFC 9110 wants whole seconds; rounding up never invites a retry that is still refused.
    if (body.retryAfterMs !== undefined)
      response.setHeader('Retry-After', Math.ceil(body.retryAfterMs / 1000));
    response.status(body.status).json(body);
    return undefined;
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) return errorBody(exception);
    // Raised by Nest itself: unknown route, malformed JSON body, payload too large...
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, code: `HTTP_${status}`, message: exception.message };
    }
    return errorBody(new DomainException('INTERNAL', 'Internal error'));
  }
}
