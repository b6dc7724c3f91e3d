import { DomainException } from '@hub/service-kit';

export const AuthErrorCode = {
  /** No bearer token on a protected route, or no `auth` frame on the socket in time. */
  TokenMissing: 'AUTH_TOKEN_MISSING',
  /** Not a token this gateway signed (bad signature, wrong algorithm, malformed, wrong claims). */
  TokenInvalid: 'AUTH_TOKEN_INVALID',
  TokenExpired: 'AUTH_TOKEN_EXPIRED',
  /** Login refused; the same code whether the workspace, the email or the password was wrong. */
  InvalidCredentials: 'AUTH_INVALID_CREDENTIALS',
  /** Authenticated, but the agent's role does not allow the action. */
  Forbidden: 'AUTH_FORBIDDEN',
  /** The token's session was ended: logout, refresh-token reuse, or the agent was changed. */
  SessionRevoked: 'AUTH_SESSION_REVOKED',
  /** Unknown, expired or revoked refresh token. */
  RefreshInvalid: 'AUTH_REFRESH_INVALID',
  /** A refresh token already exchanged was used again: the whole session is revoked. */
  RefreshReused: 'AUTH_REFRESH_REUSED',
} as const;

export const authErrors = {
  tokenMissing: (message = 'A bearer token is required') =>
    new DomainException(AuthErrorCode.TokenMissing, message),
  tokenInvalid: () => new DomainException(AuthErrorCode.TokenInvalid, 'The token is not valid'),
  tokenExpired: () =>
    new DomainException(AuthErrorCode.TokenExpired, 'The token has expired; log in again'),
  invalidCredentials: () =>
    new DomainException(AuthErrorCode.InvalidCredentials, 'Wrong workspace, email or password'),
  sessionRevoked: () =>
    new DomainException(AuthErrorCode.SessionRevoked, 'The session has ended; log in again'),
  refreshInvalid: () =>
    new DomainException(
      AuthErrorCode.RefreshInvalid,
      'The refresh token is not valid; log in again',
    ),
  refreshReused: () =>
    new DomainException(
      AuthErrorCode.RefreshReused,
      'The refresh token was already used; the session is revoked, log in again',
    ),
  forbidden: (what: string) =>
    new DomainException(AuthErrorCode.Forbidden, `Only a supervisor or an admin may ${what}`),
  adminOnly: (what: string) =>
    new DomainException(AuthErrorCode.Forbidden, `Only an admin may ${what}`),
};
