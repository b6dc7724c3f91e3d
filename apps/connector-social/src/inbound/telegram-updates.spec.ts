import { telegramEvents } from './telegram-updates';

describe('telegramEvents', () => {
  it('names the message a reply answers by chat and message id, as messages are stored', () => {
    const { messages } = telegramEvents({
      update_id: 1,
      message: {
        message_id: 12,
        date: 1_700_000_000,
        chat: { id: 777, type: 'private' },
        from: { id: 777, first_name: 'Ann' },
        text: 'that one',
        reply_to_message: { message_id: 11, date: 1_699_999_000, chat: { id: 777 }, text: 'x' },
      },
    });
    expect(messages).toEqual([
      expect.objectContaining({ externalMessageId: '777:12', replyTo: '777:11', text: 'that one' }),
    ]);
  });
});
