import { DomainException } from '@hub/service-kit';
import { validateFrame } from '@hub/socket-kit';
import { DraftFrame, HelloFrame, MessageSendFrame, PingFrame } from './client-frames';

describe('visitor frame classes', () => {
  it('refuses a bad message.send naming each bad field', () => {
    let failure: DomainException | undefined;
    try {
      validateFrame(MessageSendFrame, {
        clientMessageId: '',
        content: 'x'.repeat(20_001),
        extra: 1,
      });
    } catch (error) {
      failure = error as DomainException;
    }

    expect(failure).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
    const fields = failure!.fieldErrors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['clientMessageId', 'content', 'extra']));
  });

  it('accepts a valid message.send and a numeric lastSeq on hello', () => {
    expect(
      validateFrame(MessageSendFrame, { clientMessageId: 'c-1', content: 'Hi' }),
    ).toMatchObject({ clientMessageId: 'c-1', content: 'Hi' });
    expect(validateFrame(HelloFrame, { token: 't', lastSeq: 3 }).lastSeq).toBe(3);
  });

  it('accepts a bare ping and refuses one with fields', () => {
    expect(validateFrame(PingFrame, {})).toEqual({});
    expect(() => validateFrame(PingFrame, { extra: 1 })).toThrow(DomainException);
  });

  it('refuses drafts over 2,000 characters', () => {
    expect(() => validateFrame(DraftFrame, { text: 'x'.repeat(2_001) })).toThrow(DomainException);
    expect(validateFrame(DraftFrame, { text: '' }).text).toBe('');
  });
});
