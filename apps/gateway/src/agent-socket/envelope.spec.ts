import type { DomainException } from '@hub/service-kit';
import { EnvelopeError, readEnvelope } from './envelope';

const read = (text: string, isBinary = false) => readEnvelope(Buffer.from(text), isBinary);

function refusal(text: string, isBinary = false): { error: DomainException; ref?: unknown } {
  try {
    read(text, isBinary);
  } catch (error) {
    if (error instanceof EnvelopeError) return { error: error.error, ref: error.ref };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading an agent socket frame', () => {
  it('splits type and ref from the payload', () => {
    expect(read('{"type":"typing","ref":7,"conversationId":"c","isTyping":true}')).toEqual({
      type: 'typing',
      ref: 7,
      payload: { conversationId: 'c', isTyping: true },
    });
  });

  it.each([
    ['binary data', '{"type":"ping"}', true],
    ['text that is not JSON', '{nope', false],
    ['JSON that is not an object', '[1,2]', false],
    ['null', 'null', false],
  ])('refuses %s as FRAME_MALFORMED', (_what, text, isBinary) => {
    expect(refusal(text, isBinary).error).toMatchObject({
      kind: 'invalid',
      code: 'FRAME_MALFORMED',
    });
  });

  it('refuses an unknown type naming the field, echoing the ref', () => {
    const { error, ref } = refusal('{"type":"conversation.delete","ref":"r1"}');
    expect(ref).toBe('r1');
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'type' }] });
  });

  it('refuses a ref that is neither a short string nor a number, without echoing it', () => {
    const { error, ref } = refusal(JSON.stringify({ type: 'ping', ref: 'x'.repeat(101) }));
    expect(ref).toBeUndefined();
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ field: 'ref' }] });
  });
});
