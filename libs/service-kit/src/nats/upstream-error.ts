import { Logger } from '@nestjs/common';
import { TimeoutError } from 'rxjs';
import { DomainException, fromErrorBody, isErrorBody } from '../errors/domain.exception';

const logger = new Logger('RpcClient');

export interface FailedRequest {
  subject: string;
  timeoutMs: number;
  error: unknown;
}

/**
 * The exception a failed request becomes. A reply in the error shape comes back as it was; a
 * silence or a transport failure is told in client terms (which service, what happened), since
 * the message can reach a REST or socket client, while the log keeps the subject and the cause.
 */
export function upstreamFailure({ subject, timeoutMs, error }: FailedRequest): DomainException {
  if (isErrorBody(error)) return fromErrorBody(error);
  const service = owningService(subject);
  if (error instanceof TimeoutError) {
    logger.warn({ subject, timeoutMs }, 'request timed out');
    return new DomainException('UPSTREAM_TIMEOUT', `The ${service} service did not answer in time`);
  }
  logger.warn({ subject, err: error }, 'request failed');
  return new DomainException('UPSTREAM_UNAVAILABLE', `The ${service} service is unavailable`);
}

// Request subjects are `<service>.<entity>.<verb>` (libs/contracts SUBJECTS).
function owningService(subject: string): string {
  return subject.split('.')[0] ?? 'upstream';
}
