import { Logger } from '@nestjs/common';
import { TimeoutError } from 'rxjs';
import { DomainException, errorBody } from '../errors/domain.exception';
import { upstreamFailure } from './upstream-error';

describe('upstreamFailure', () => {
  const subject = 'crm.customer.get';

  // The log lines (which keep the subject) are not what these tests are about.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('tells a silence in client terms, naming the service but not the subject', () => {
    const failure = upstreamFailure({ subject, timeoutMs: 5_000, error: new TimeoutError() });

    expect(errorBody(failure)).toEqual({
      status: 503,
      code: 'UPSTREAM_TIMEOUT',
      message: 'The crm service did not answer in time',
    });
  });

  it('hides the transport error behind the service name', () => {
    const failure = upstreamFailure({
      subject,
      timeoutMs: 5_000,
      error: new Error('503 no responders available for hub.crm.customer.get'),
    });

    expect(errorBody(failure)).toEqual({
      status: 503,
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'The crm service is unavailable',
    });
  });

  it('passes an error reply of the service on unchanged', () => {
    const reply = errorBody(new DomainException('CUSTOMER_NOT_FOUND', 'Customer 1 does not exist'));

    expect(errorBody(upstreamFailure({ subject, timeoutMs: 5_000, error: reply }))).toEqual(reply);
  });
});
