import { ERROR_CODES, isErrorCode, type ErrorCode, type HttpErrorCode } from '@hub/contracts';

/** What went wrong, in terms every transport can map: HTTP to a status, RPC to an error object. */
export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface FieldError {
  field: string;
  message: string;
}

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'invalid',
  415: 'invalid',
  // Unprocessable: well-formed but refused (a webhook target on a private address).
  422: 'invalid',
  // Precondition required: a write that must name the version it read (a ticket's If-Match).
  428: 'invalid',
  429: 'rate_limited',
  500: 'internal',
  503: 'unavailable',
};

/**
 * The one exception services throw. `code` is the feature's machine-readable reason
 * (`CONVERSATION_NOT_FOUND`), from the catalogue in `@hub/contracts`, which also gives its
 * HTTP status; services never throw HttpException or RpcException.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainException';
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get kind(): ErrorKind {
    return KIND_BY_STATUS[this.status] ?? 'internal';
  }
}

/** RATE_LIMITED: the same request is admitted again after `retryAfterMs`. */
export class RateLimitedException extends DomainException {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('RATE_LIMITED', message);
    this.name = 'RateLimitedException';
  }
}

/** The error shape on the wire, REST and RPC alike. */
export interface ErrorBody {
  status: number;
  code: ErrorCode | HttpErrorCode;
  message: string;
  fieldErrors?: FieldError[];
  /** RATE_LIMITED only: when to try again. */
  retryAfterMs?: number;
}

export function errorBody(error: DomainException): ErrorBody {
  return {
    status: error.status,
    code: error.code,
    message: error.message,
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    ...(error instanceof RateLimitedException ? { retryAfterMs: error.retryAfterMs } : {}),
  };
}

/**
 * Rebuilds the exception from an error body (an RPC reply), keeping code and fields. A code
 * outside the catalogue (Nest's own `HTTP_<status>`, a newer service) becomes INTERNAL, naming it.
 */
export function fromErrorBody(body: ErrorBody): DomainException {
  if (isErrorCode(body.code)) return new DomainException(body.code, body.message, body.fieldErrors);
  return new DomainException('INTERNAL', `${body.code}: ${body.message}`, body.fieldErrors);
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).status === 'number' &&
    typeof (value as ErrorBody).code === 'string'
  );
}
