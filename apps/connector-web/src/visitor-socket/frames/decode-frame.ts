import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainException, validationFailed } from '@hub/service-kit';
import type { RawData } from 'ws';
import {
  CLIENT_FRAME_TYPES,
  FRAME_CLASSES,
  type ClientFrameType,
  type FrameRef,
} from './client-frames';

const MAX_REF_LENGTH = 100;

/** A client frame whose envelope is sound; its body is validated by {@link validateFrame}. */
export interface ClientEnvelope {
  type: ClientFrameType;
  ref?: FrameRef;
  body: Record<string, unknown>;
}

const invalidFrame = (message: string) => new DomainException('INVALID_FRAME', message);

/**
 * Reads the envelope of a frame: JSON text holding an object with a known `type` and an
 * optional `ref`. Calls `onRef` as soon as the ref is known, so even a rejected frame's error
 * carries it.
 */
export function decodeEnvelope(
  data: RawData,
  isBinary: boolean,
  onRef: (ref: FrameRef) => void,
): ClientEnvelope {
  if (isBinary) throw invalidFrame('Frames are JSON text, not binary');
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawText(data));
  } catch {
    throw invalidFrame('A frame must be valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidFrame('A frame must be a JSON object');
  }
  const { type, ref, ...body } = parsed as Record<string, unknown>;
  if (ref !== undefined) onRef(checkRef(ref));
  if (typeof type !== 'string') throw invalidFrame('A frame needs a string "type"');
  if (!(CLIENT_FRAME_TYPES as readonly string[]).includes(type)) {
    throw new DomainException('UNKNOWN_FRAME_TYPE', `Unknown frame type "${type.slice(0, 50)}"`);
  }
  return {
    type: type as ClientFrameType,
    ...(ref !== undefined ? { ref: ref as FrameRef } : {}),
    body,
  };
}

/** Validates a frame body with its class, exactly as a REST body is (VALIDATION_FAILED). */
export function validateFrame<T extends ClientFrameType>(
  type: T,
  body: Record<string, unknown>,
): InstanceType<(typeof FRAME_CLASSES)[T]> {
  const instance = plainToInstance(FRAME_CLASSES[type] as new () => object, body) as InstanceType<
    (typeof FRAME_CLASSES)[T]
  >;
  // forbidUnknownValues would refuse `ping`, whose class has no fields; every body is an
  // instance of its frame class here, so unknown properties are still refused by the whitelist.
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
  });
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}

function checkRef(ref: unknown): FrameRef {
  const valid =
    (typeof ref === 'string' && ref.length > 0 && ref.length <= MAX_REF_LENGTH) ||
    (typeof ref === 'number' && Number.isFinite(ref));
  if (!valid) {
    throw new DomainException(
      'VALIDATION_FAILED',
      'Invalid frame: ref must be a string of 1–100 characters or a number',
      [{ field: 'ref', message: 'ref must be a string of 1–100 characters or a number' }],
    );
  }
  return ref;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
