import { Channel, CHANNELS, ConversationStatus, isValueOf } from './enums';

describe('domain vocabularies', () => {
  it('lists values in declaration order and freezes the list', () => {
    expect(CHANNELS).toEqual([
      'web',
      'email',
      'messenger',
      'instagram',
      'whatsapp',
      'telegram',
      'line',
      'api',
    ]);
    expect(Object.isFrozen(CHANNELS)).toBe(true);
  });

  it('narrows only exact values of the vocabulary', () => {
    expect(isValueOf(Channel, 'whatsapp')).toBe(true);
    expect(isValueOf(Channel, 'WhatsApp')).toBe(false);
    expect(isValueOf(ConversationStatus, 42)).toBe(false);
  });
});
