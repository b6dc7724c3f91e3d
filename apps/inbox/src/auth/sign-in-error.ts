import { ApiError } from '../api/api-error';

/** The sign-in page's message for a refusal: key in the `auth` namespace plus its values. */
export function signInErrorOf(error: unknown): { key: string; values?: Record<string, number> } {
  if (!(error instanceof ApiError)) return { key: 'errors.unknown' };
  switch (error.code) {
    case 'AUTH_INVALID_CREDENTIALS':
      return { key: 'errors.invalidCredentials' };
    case 'RATE_LIMITED':
      return {
        key: 'errors.rateLimited',
        values: { seconds: Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)) },
      };
    case 'VALIDATION_FAILED':
      return { key: 'errors.invalidInput' };
    case 'NETWORK':
      return { key: 'errors.network' };
    default:
      return error.status >= 500 ? { key: 'errors.unavailable' } : { key: 'errors.unknown' };
  }
}
