import { inboundDeadLetterSender } from './inbound-message-received';

const body = {
  workspaceId: '00000000-0000-4000-8000-000000000001',
  inboxId: '00000000-0000-4000-8000-000000000002',
  channel: 'web',
  externalMessageId: 'v-1:c-1',
  customer: { externalId: 'v-1', name: 'Ada' },
  content: 'text the consumer refused\u0000',
  contentType: 'text',
  clientMessageId: 'c-1',
  sentAt: '2026-01-01T00:00:00.000Z',
};

describe('the sender of a dead-lettered inbound message', () => {
  it('is read from a body that fails its contract elsewhere', () => {
    expect(inboundDeadLetterSender(body)).toEqual({
      channel: 'web',
      workspaceId: body.workspaceId,
      inboxId: body.inboxId,
      externalId: 'v-1',
      clientMessageId: 'c-1',
    });
  });

  it('has no clientMessageId when the message had none', () => {
    const { clientMessageId: _none, ...withoutId } = body;
    expect(inboundDeadLetterSender(withoutId)).toEqual({
      channel: 'web',
      workspaceId: body.workspaceId,
      inboxId: body.inboxId,
      externalId: 'v-1',
    });
  });

  it.each([
    ['not an object', 'text'],
    ['null', null],
    ['without a customer', { ...body, customer: undefined }],
    ['with an unknown channel', { ...body, channel: 'pigeon' }],
    ['with a bad clientMessageId', { ...body, clientMessageId: 'x ' }],
  ])('is unknown for a body %s', (_what, value) => {
    expect(inboundDeadLetterSender(value)).toBeUndefined();
  });
});
