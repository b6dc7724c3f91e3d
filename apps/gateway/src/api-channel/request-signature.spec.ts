import { signApiRequest, verifyApiRequest } from './request-signature';

const secret = 'an-inbox-signing-secret-of-32-chars!!';
const body = Buffer.from('{"messageId":"m-1"}');
const now = 1_800_000_000;

const check = (overrides: Partial<Parameters<typeof verifyApiRequest>[0]>) => () =>
  verifyApiRequest({
    secret,
    timestamp: String(now),
    signature: signApiRequest(secret, now, body),
    body,
    nowSeconds: now,
    ...overrides,
  });

describe('API channel request signatures', () => {
  it('accepts the signature of the timestamp and body', () => {
    expect(check({})).not.toThrow();
    expect(check({ nowSeconds: now + 299 })).not.toThrow();
  });

  it.each([
    ['a missing signature', { signature: undefined }],
    ['a missing timestamp', { timestamp: undefined }],
    ['another body', { body: Buffer.from('{"messageId":"m-2"}') }],
    ['another secret', { signature: signApiRequest(`${secret}x`, now, body) }],
    ['a replay older than five minutes', { nowSeconds: now + 301 }],
    ['a timestamp from the future', { nowSeconds: now - 301 }],
    ['a timestamp that is not a number', { timestamp: '1.8e9' }],
    ['a truncated signature', { signature: signApiRequest(secret, now, body).slice(0, 20) }],
  ])('refuses %s with API_SIGNATURE_INVALID', (_, overrides) => {
    let refusal: unknown;
    try {
      check(overrides)();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'API_SIGNATURE_INVALID', status: 401 });
  });
});

describe('API channel request signatures after a rotation', () => {
  const previous = { secret: 'the-secret-before-the-rotation-32+', expiresAt: now + 3600 };
  const signedWithPrevious = (at: number, nowSeconds: number) => () =>
    verifyApiRequest({
      secret,
      previous,
      timestamp: String(at),
      signature: signApiRequest(previous.secret, at, body),
      body,
      nowSeconds,
    });

  it('accepts the previous secret until its overlap ends, and the new one throughout', () => {
    expect(signedWithPrevious(now, now)).not.toThrow();
    expect(signedWithPrevious(now + 3599, now + 3599)).not.toThrow();
    expect(
      check({
        previous,
        nowSeconds: now + 7200,
        timestamp: String(now + 7200),
        signature: signApiRequest(secret, now + 7200, body),
      }),
    ).not.toThrow();
  });

  it.each([
    ['once the overlap has ended', now + 3600, now + 3600],
    [
      'when the signed timestamp is past the overlap although the clock is not',
      now + 3650,
      now + 3590,
    ],
    ['back-dated to within the overlap after it ended', now + 3590, now + 3650],
  ])('refuses the previous secret %s', (_, at, nowSeconds) => {
    expect(signedWithPrevious(at, nowSeconds)).toThrow('The signature does not match the body');
  });
});
