import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { TicketView } from '@hub/contracts';
import type { Response } from 'express';
import { tap, type Observable } from 'rxjs';

/**
 * Answers a ticket with its version as the ETag (`"3"`), so a client can send it back as
 * `If-Match` with its next change.
 */
@Injectable()
export class TicketEtagInterceptor implements NestInterceptor<TicketView, TicketView> {
  intercept(context: ExecutionContext, next: CallHandler<TicketView>): Observable<TicketView> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(tap((ticket) => response.setHeader('ETag', `"${ticket.version}"`)));
  }
}
