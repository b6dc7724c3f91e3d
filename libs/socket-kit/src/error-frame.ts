import { DomainException, errorBody, type ErrorBody } from '@hub/service-kit';
import { refField, type FrameRef } from './frame-envelope';

export interface ErrorFrame extends ErrorBody {
  type: 'error';
  ref?: FrameRef;
}

/** The wire body of anything thrown while handling a frame; a bug says nothing more. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainException) return errorBody(error);
  return { status: 500, code: 'INTERNAL', message: 'Internal error' };
}

/** The `error` frame answering a refused frame: the REST error shape plus `type` and `ref`. */
export function errorFrame(error: unknown, ref: FrameRef | undefined): ErrorFrame {
  return { type: 'error', ...refField(ref), ...toErrorBody(error) };
}
