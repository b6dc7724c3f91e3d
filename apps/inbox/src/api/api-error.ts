import type { ErrorBody } from './types';

/** A refused request, with the hub's error code (or NETWORK when nothing answered). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly retryAfterMs?: number;
  readonly fieldErrors: { field: string; message: string }[];

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.status;
    this.code = body.code;
    this.retryAfterMs = body.retryAfterMs;
    this.fieldErrors = body.fieldErrors ?? [];
  }

  static network(cause: unknown): ApiError {
    const message = cause instanceof Error ? cause.message : String(cause);
    return new ApiError({ status: 0, code: 'NETWORK', message });
  }
}

/** The error code to show for a failed call: the hub's, or NETWORK when it was not reached. */
export function failureCode(failure: unknown): string {
  return failure instanceof ApiError ? failure.code : 'NETWORK';
}

/** Reads a failed answer's error body; a body that is not the hub's shape keeps the status. */
export async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError({
    status: response.status,
    code: typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`,
    message: typeof body?.message === 'string' ? body.message : response.statusText,
    fieldErrors: body?.fieldErrors,
    retryAfterMs:
      body?.retryAfterMs ??
      (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined),
  });
}
