import { ApiError } from '../api/api-error';
import { signInErrorOf } from './sign-in-error';

describe('sign-in errors', () => {
  it('tells a rate-limited agent how many seconds to wait, rounded up', () => {
    const error = new ApiError({
      status: 429,
      code: 'RATE_LIMITED',
      message: 'x',
      retryAfterMs: 4_200,
    });
    expect(signInErrorOf(error)).toEqual({ key: 'errors.rateLimited', values: { seconds: 5 } });
  });

  it('says the same for a wrong password and an unknown workspace (the hub does too)', () => {
    const error = new ApiError({ status: 401, code: 'AUTH_INVALID_CREDENTIALS', message: 'x' });
    expect(signInErrorOf(error)).toEqual({ key: 'errors.invalidCredentials' });
  });

  it('names an unreachable hub and a failing one apart', () => {
    expect(signInErrorOf(ApiError.network(new Error('offline')))).toEqual({
      key: 'errors.network',
    });
    const down = new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: 'x' });
    expect(signInErrorOf(down)).toEqual({ key: 'errors.unavailable' });
  });
});
