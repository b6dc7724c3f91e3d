import { parseRecipient } from './recipient-address';

describe('parseRecipient', () => {
  it('lower-cases the inbox address and takes a reply token after +', () => {
    expect(parseRecipient('Support+0123456789abcdef0123456789ABCDEF@Shop.Example')).toEqual({
      inboxAddress: 'support@shop.example',
      replyToken: '0123456789abcdef0123456789abcdef',
    });
  });

  it('reaches the inbox with any other + tag, without a token', () => {
    expect(parseRecipient('support+newsletter@shop.example')).toEqual({
      inboxAddress: 'support@shop.example',
    });
  });

  it.each(['', 'no-at-sign', '@shop.example', 'support@', '"a b"@x.example', '+tag@x.example'])(
    'refuses %j',
    (address) => expect(parseRecipient(address)).toBeNull(),
  );
});
