import { DomainException } from '@hub/service-kit';
import type { RawData } from 'ws';
import { CLIENT_FRAME_TYPES, type ClientFrameType, type FrameRef } from './frames';

export interface Envelope {
  type: ClientFrameType;
  ref?: FrameRef;
  /** The frame without `type` and `ref`: what the frame's class validates. */
  payload: Record<string, unknown>;
}

export class EnvelopeError extends Error {
  constructor(
    readonly error: DomainException,
    readonly ref?: FrameRef,
  ) {
    super(error.message);
  }
}

const MAX_REF_LENGTH = 100;

/** Reads `{ type, ref?, ...payload }` from a text frame; throws EnvelopeError. */
export function readEnvelope(data: RawData, isBinary: boolean): Envelope {
  if (isBinary) throw new EnvelopeError(malformed('Frames are JSON text, not binary'));
  let frame: unknown;
  try {
    frame = JSON.parse(rawText(data));
  } catch {
    throw new EnvelopeError(malformed('A frame must be valid JSON'));
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
    throw new EnvelopeError(malformed('A frame must be a JSON object'));
  }
  const { type, ref, ...payload } = frame as Record<string, unknown>;
  const validRef =
    (typeof ref === 'string' && ref.length <= MAX_REF_LENGTH) ||
    (typeof ref === 'number' && Number.isFinite(ref));
  if (ref !== undefined && !validRef) {
    throw new EnvelopeError(
      invalidField(
        'ref',
        `ref must be a string of at most ${MAX_REF_LENGTH} characters or a number`,
      ),
    );
  }
  const echo = ref;
  if (typeof type !== 'string' || !(CLIENT_FRAME_TYPES as readonly string[]).includes(type)) {
    throw new EnvelopeError(
      invalidField(
        'type',
        `type must be one of the following values: ${CLIENT_FRAME_TYPES.join(', ')}`,
      ),
      echo,
    );
  }
  return { type: type as ClientFrameType, ...(echo !== undefined ? { ref: echo } : {}), payload };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function malformed(message: string): DomainException {
  return new DomainException('FRAME_MALFORMED', message);
}

function invalidField(field: string, message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', `Invalid request: ${message}`, [
    { field, message },
  ]);
}
