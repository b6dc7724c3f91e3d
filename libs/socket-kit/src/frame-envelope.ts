import { DomainException, exceedsJsonDepth, MAX_JSON_DEPTH } from '@hub/service-kit';
import type { RawData } from 'ws';

/** The largest frame either socket reads; `ws` closes with 1009 past it. */
export const MAX_FRAME_BYTES = 256 * 1024;
export const MAX_REF_LENGTH = 100;

/** A client's correlation tag for a frame, echoed on every reply to it. */
export type FrameRef = string | number;

/** A client frame whose envelope is sound; its body is validated by `validateFrame`. */
export interface FrameEnvelope<T extends string> {
  type: T;
  ref?: FrameRef;
  /** The frame without `type` and `ref`: what the frame's class validates. */
  body: Record<string, unknown>;
}

/** A refused frame: the error to answer with, and the frame's ref when it had a valid one. */
export interface FrameRefusal {
  error: DomainException;
  ref?: FrameRef;
}

export type DecodedFrame<T extends string> =
  | { envelope: FrameEnvelope<T>; refusal?: undefined }
  | { envelope?: undefined; refusal: FrameRefusal };

/**
 * Reads the envelope of a client frame: JSON text holding an object with a known string `type`
 * and an optional `ref`. The ref is checked first, so a refusal of anything after it echoes it.
 */
export function decodeFrame<T extends string>(
  data: RawData,
  isBinary: boolean,
  types: readonly T[],
): DecodedFrame<T> {
  if (isBinary) return refused(malformed('Frames are JSON text, not binary'));
  const text = rawText(data);
  // Checked before parsing: the reviver below recurses, and would overflow on deep nesting.
  if (exceedsJsonDepth(text)) {
    return refused(malformed(`A frame must not nest deeper than ${MAX_JSON_DEPTH} levels`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, dropProtoKeys);
  } catch {
    return refused(malformed('A frame must be valid JSON'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refused(malformed('A frame must be a JSON object'));
  }
  const { type, ref, ...body } = parsed as Record<string, unknown>;
  if (ref !== undefined && !isFrameRef(ref)) return refused(invalidRef());
  const echo = ref === undefined ? {} : { ref };
  if (typeof type !== 'string') return refused(malformed('A frame needs a string "type"'), echo);
  if (!(types as readonly string[]).includes(type)) {
    return refused(unknownType(type, types), echo);
  }
  return { envelope: { type: type as T, ...echo, body } };
}

/** The one `ref` rule of both sockets: a string of 1–100 characters, or a finite number. */
export function isFrameRef(ref: unknown): ref is FrameRef {
  return (
    (typeof ref === 'string' && ref.length > 0 && ref.length <= MAX_REF_LENGTH) ||
    (typeof ref === 'number' && Number.isFinite(ref))
  );
}

/** `{ ref }` when there is one, to spread into a reply. */
export function refField(ref: FrameRef | undefined): { ref?: FrameRef } {
  return ref === undefined ? {} : { ref };
}

function refused(error: DomainException, echo: { ref?: FrameRef } = {}): DecodedFrame<never> {
  return { refusal: { error, ...echo } };
}

function malformed(message: string): DomainException {
  return new DomainException('FRAME_MALFORMED', message);
}

function invalidRef(): DomainException {
  const message = `ref must be a string of 1–${MAX_REF_LENGTH} characters or a number`;
  return new DomainException('VALIDATION_FAILED', `Invalid frame: ${message}`, [
    { field: 'ref', message },
  ]);
}

function unknownType(type: string, types: readonly string[]): DomainException {
  const message = `type must be one of the following values: ${types.join(', ')}`;
  return new DomainException('UNKNOWN_FRAME_TYPE', `Unknown frame type "${type.slice(0, 50)}"`, [
    { field: 'type', message },
  ]);
}

// JSON.parse makes `__proto__` an own key; copied onto a frame instance it would set its prototype.
function dropProtoKeys(key: string, value: unknown): unknown {
  return key === '__proto__' ? undefined : value;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
