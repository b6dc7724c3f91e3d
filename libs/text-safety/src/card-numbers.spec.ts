import { isLuhnValid, maskCardNumbers } from './card-numbers';

describe('maskCardNumbers', () => {
  it('masks a Luhn-valid card number typed in groups, keeping its last four digits', () => {
    expect(maskCardNumbers('my card is 4111 1111 1111 1111 thanks')).toBe(
      'my card is **** **** **** 1111 thanks',
    );
  });

  it('masks a number typed without separators or with hyphens', () => {
    expect(maskCardNumbers('5555555555554444')).toBe('************4444');
    expect(maskCardNumbers('3782-822463-10005')).toBe('****-******-*0005');
  });

  it('leaves digit runs that fail the Luhn check alone (order numbers, phone numbers)', () => {
    expect(maskCardNumbers('order 4111111111111112')).toBe('order 4111111111111112');
    expect(maskCardNumbers('call +81 3 1234 5678')).toBe('call +81 3 1234 5678');
  });

  it('leaves runs shorter than 13 or longer than 19 digits alone', () => {
    expect(maskCardNumbers('424242424242')).toBe('424242424242');
    expect(maskCardNumbers('41111111111111111111111')).toBe('41111111111111111111111');
  });

  it('masks card numbers inside Chinese and Japanese text', () => {
    expect(maskCardNumbers('卡号4111111111111111谢谢')).toBe('卡号************1111谢谢');
  });

  it('masks every card number of the text', () => {
    expect(maskCardNumbers('4111111111111111 or 5555555555554444')).toBe(
      '************1111 or ************4444',
    );
  });
});

describe('isLuhnValid', () => {
  it('accepts the test card numbers of the card networks and refuses a changed digit', () => {
    expect(isLuhnValid('4242424242424242')).toBe(true);
    expect(isLuhnValid('378282246310005')).toBe(true);
    expect(isLuhnValid('4242424242424241')).toBe(false);
  });
});
