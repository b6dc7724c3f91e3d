import type { ErrorCode } from '@hub/contracts';
import { DomainException } from '@hub/service-kit';
import { closeReason, refusalCloseCode, SocketCloseCode } from './close-codes';

const refusal = (code: ErrorCode) => new DomainException(code, 'refused');

describe('closing a refused socket', () => {
  it.each<[ErrorCode, number]>([
    ['AUTH_TOKEN_INVALID', 4401],
    ['VALIDATION_FAILED', 4401],
    ['AUTH_FORBIDDEN', 4401],
    ['UPSTREAM_UNAVAILABLE', 1013],
    ['INTERNAL', 1011],
  ])('closes after a %s error with %i', (errorCode, code) => {
    expect(refusalCloseCode(refusal(errorCode))).toBe(code);
  });

  it('closes with 1011 after a failure that is not a domain error (a bug)', () => {
    expect(refusalCloseCode(new TypeError('x is undefined'))).toBe(SocketCloseCode.InternalError);
  });

  it('gives every close code a reason short enough for a close frame', () => {
    for (const code of Object.values(SocketCloseCode)) {
      expect(Buffer.byteLength(closeReason(code))).toBeLessThanOrEqual(123);
    }
  });
});
