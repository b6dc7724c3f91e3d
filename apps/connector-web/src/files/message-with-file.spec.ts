import type { DomainException } from '@hub/service-kit';
import { validateFrame } from '@hub/socket-kit';
import { MessageSendFrame } from '../visitor-socket/frames/client-frames';

const fileId = '6f1c3f7e-3f8a-4a52-9d1e-0b2f6b8f4a11';

function refusedFields(payload: Record<string, unknown>): string[] {
  try {
    validateFrame(MessageSendFrame, payload);
    return [];
  } catch (error) {
    return [...new Set((error as DomainException).fieldErrors!.map((e) => e.field))];
  }
}

describe('message.send with a file', () => {
  it('takes an empty caption when a file is attached, and text with it too', () => {
    expect(
      validateFrame(MessageSendFrame, { clientMessageId: 'c-1', content: '', fileId }),
    ).toEqual({ clientMessageId: 'c-1', content: '', fileId });
    expect(refusedFields({ clientMessageId: 'c-2', content: 'see this', fileId })).toEqual([]);
  });

  it('still needs text without a file, text (not null) with one, and a uuid as the file', () => {
    expect(refusedFields({ clientMessageId: 'c-3', content: '' })).toEqual(['content']);
    expect(refusedFields({ clientMessageId: 'c-4', content: null, fileId })).toEqual(['content']);
    expect(refusedFields({ clientMessageId: 'c-5', content: '', fileId: '../x' })).toEqual([
      'fileId',
    ]);
  });
});
