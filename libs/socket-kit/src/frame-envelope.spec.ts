import { decodeFrame, MAX_REF_LENGTH } from './frame-envelope';

const TYPES = ['ping', 'typing'] as const;
const decode = (frame: unknown, isBinary = false) =>
  decodeFrame(
    Buffer.from(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    isBinary,
    TYPES,
  );

describe('decoding a client frame', () => {
  it('splits type and ref off the body', () => {
    expect(decode({ type: 'typing', ref: 'r1', isTyping: true })).toEqual({
      envelope: { type: 'typing', ref: 'r1', body: { isTyping: true } },
    });
    expect(decode({ type: 'ping' })).toEqual({ envelope: { type: 'ping', body: {} } });
  });

  it.each([
    ['binary data', '{"type":"ping"}', true],
    ['text that is not JSON', '{nope', false],
    ['JSON that is not an object', '[1,2]', false],
    ['null', 'null', false],
  ])('refuses %s as FRAME_MALFORMED', (_what, text, isBinary) => {
    expect(decode(text, isBinary).refusal).toEqual({
      error: expect.objectContaining({ kind: 'invalid', code: 'FRAME_MALFORMED' }) as unknown,
    });
  });

  it('refuses a frame without a string type as FRAME_MALFORMED, echoing its ref', () => {
    expect(decode({ ref: 3, isTyping: true }).refusal).toMatchObject({
      ref: 3,
      error: { code: 'FRAME_MALFORMED' },
    });
    expect(decode({ type: 7 }).refusal).toMatchObject({ error: { code: 'FRAME_MALFORMED' } });
  });

  it('refuses an unknown type as UNKNOWN_FRAME_TYPE naming the field, echoing the ref', () => {
    const { refusal } = decode({ type: 'message.delete', ref: 'r2' });

    expect(refusal?.ref).toBe('r2');
    expect(refusal?.error).toMatchObject({
      kind: 'invalid',
      code: 'UNKNOWN_FRAME_TYPE',
      fieldErrors: [
        { field: 'type', message: 'type must be one of the following values: ping, typing' },
      ],
    });
  });

  it.each([
    ['a string of 1 character', 'r'],
    [`a string of ${MAX_REF_LENGTH} characters`, 'x'.repeat(MAX_REF_LENGTH)],
    ['an integer', 0],
    ['a fraction', -1.5],
  ])('accepts as ref %s and echoes it unchanged', (_what, ref) => {
    expect(decode({ type: 'ping', ref }).envelope?.ref).toBe(ref);
  });

  it.each([
    ['an empty string', ''],
    [`a string of ${MAX_REF_LENGTH + 1} characters`, 'x'.repeat(MAX_REF_LENGTH + 1)],
    ['an object', { nested: true }],
    ['null', null],
    ['a boolean', true],
  ])('refuses as ref %s with VALIDATION_FAILED on field ref, without echoing it', (_what, ref) => {
    const { refusal } = decode({ type: 'ping', ref });

    expect(refusal).toEqual({
      error: expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'ref', message: expect.any(String) as unknown }],
      }) as unknown,
    });
  });

  it('checks the ref before the type, so a frame of unknown type with a bad ref names the ref', () => {
    expect(decode({ type: 'nope', ref: '' }).refusal?.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ field: 'ref' }],
    });
  });

  it('drops __proto__ keys, so a body cannot carry a prototype', () => {
    const { envelope } = decode('{"type":"typing","__proto__":{"isTyping":true},"isTyping":false}');

    expect(envelope?.body).toEqual({ isTyping: false });
    expect(Object.getPrototypeOf(envelope?.body)).toBe(Object.prototype);
  });
});

describe('decoding a deeply nested frame', () => {
  it('refuses a 10,000-deep frame as FRAME_MALFORMED instead of overflowing', () => {
    const deep = `{"type":"typing","isTyping":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(decode(deep).refusal).toMatchObject({
      error: { code: 'FRAME_MALFORMED', message: expect.stringContaining('nest') as unknown },
    });
  });
});
