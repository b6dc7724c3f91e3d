import { DomainException, type ErrorKind } from '@hub/service-kit';
import { closeReason, refusalCloseCode, SocketCloseCode } from './close-codes';

const refusal = (kind: ErrorKind) => new DomainException(kind, 'SOME_CODE', 'refused');

describe('closing a refused socket', () => {
  it.each<[ErrorKind, number]>([
    ['unauthorized', 4401],
    ['invalid', 4401],
    ['forbidden', 4401],
    ['unavailable', 1013],
    ['internal', 1011],
  ])('closes after a %s error with %i', (kind, code) => {
    expect(refusalCloseCode(refusal(kind))).toBe(code);
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
