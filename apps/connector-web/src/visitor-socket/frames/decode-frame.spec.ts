import { DomainException } from '@hub/service-kit';
import { decodeEnvelope, validateFrame } from './decode-frame';

const text = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

function decodeError(data: Buffer, isBinary = false): { error: DomainException; ref?: unknown } {
  let ref: unknown;
  try {
    decodeEnvelope(data, isBinary, (r) => (ref = r));
  } catch (error) {
    return { error: error as DomainException, ref };
  }
  throw new Error('expected the frame to be refused');
}

describe('visitor frame decoding', () => {
  it('splits type and ref off the body', () => {
    const envelope = decodeEnvelope(
      text({ type: 'typing', ref: 'r1', isTyping: true }),
      false,
      () => undefined,
    );

    expect(envelope).toEqual({ type: 'typing', ref: 'r1', body: { isTyping: true } });
  });

  it('refuses binary frames, non-JSON, non-objects and unknown types', () => {
    expect(decodeError(text('{}'), true).error.code).toBe('INVALID_FRAME');
    expect(decodeError(text('not json')).error.code).toBe('INVALID_FRAME');
    expect(decodeError(text([1, 2])).error.code).toBe('INVALID_FRAME');
    expect(decodeError(text({ ref: 1 })).error.code).toBe('INVALID_FRAME');
    expect(decodeError(text({ type: 'message.delete', ref: 7 }))).toMatchObject({
      error: { code: 'UNKNOWN_FRAME_TYPE' },
      ref: 7,
    });
  });

  it('refuses a ref that is neither a short string nor a number', () => {
    const { error } = decodeError(text({ type: 'ping', ref: { nested: true } }));

    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'ref' }] });
  });

  it('validates a body with its class and names each bad field', () => {
    let failure: DomainException | undefined;
    try {
      validateFrame('message.send', { clientMessageId: '', content: 'x'.repeat(20_001), extra: 1 });
    } catch (error) {
      failure = error as DomainException;
    }

    expect(failure).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
    const fields = failure!.fieldErrors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['clientMessageId', 'content', 'extra']));
  });

  it('accepts a valid message.send and converts a numeric lastSeq', () => {
    expect(validateFrame('message.send', { clientMessageId: 'c-1', content: 'Hi' })).toMatchObject({
      clientMessageId: 'c-1',
      content: 'Hi',
    });
    expect(validateFrame('hello', { token: 't', lastSeq: 3 }).lastSeq).toBe(3);
  });

  it('accepts a bare ping and refuses one with fields', () => {
    expect(validateFrame('ping', {})).toEqual({});
    expect(() => validateFrame('ping', { extra: 1 })).toThrow(DomainException);
  });

  it('refuses drafts over 2,000 characters', () => {
    expect(() => validateFrame('draft', { text: 'x'.repeat(2_001) })).toThrow(DomainException);
    expect(validateFrame('draft', { text: '' }).text).toBe('');
  });
});
