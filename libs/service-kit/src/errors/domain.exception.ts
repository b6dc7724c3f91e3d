/** What went wrong, in terms every transport can map: HTTP to a status, RPC to an error object. */
export type ErrorKind =
  'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable' | 'internal';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * The one exception services throw. `code` is the feature's machine-readable reason
 * (`CONVERSATION_NOT_FOUND`); services never throw HttpException or RpcException.
 */
export class DomainException extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

/** The error shape on the wire, REST and RPC alike. */
export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  fieldErrors?: FieldError[];
}

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

export function errorBody(error: DomainException): ErrorBody {
  return {
    status: STATUS_BY_KIND[error.kind],
    code: error.code,
    message: error.message,
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
  };
}

/** Rebuilds the exception from an error body (an RPC reply), keeping code and fields. */
export function fromErrorBody(body: ErrorBody): DomainException {
  const kind =
    (Object.entries(STATUS_BY_KIND).find(([, status]) => status === body.status)?.[0] as
      ErrorKind | undefined) ?? 'internal';
  return new DomainException(kind, body.code, body.message, body.fieldErrors);
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).status === 'number' &&
    typeof (value as ErrorBody).code === 'string'
  );
}
