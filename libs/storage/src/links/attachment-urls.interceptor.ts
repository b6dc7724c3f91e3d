import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { FileLinks } from './file-links';

/**
 * On a REST controller answering messages: every attachment in the answer gets a fresh link
 * for the origin the client called (or PUBLIC_URL). The controller's methods stay unaware.
 */
@Injectable()
export class AttachmentUrlsInterceptor implements NestInterceptor {
  constructor(private readonly links: FileLinks) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const origin = this.links.originFor({ host: request.headers.host, secure: request.secure });
    return next
      .handle()
      .pipe(
        map((value: unknown) =>
          typeof value === 'object' && value !== null
            ? this.links.withAttachmentUrls(value, origin)
            : value,
        ),
      );
  }
}
