import { isForward, threadSubject } from './thread-subject';

describe('threadSubject', () => {
  it.each([
    ['Re: Order 42', 'Order 42'],
    ['RE: Fwd: re: Order 42', 'Order 42'],
    ['回复：订单问题', '订单问题'],
    ['答复: 回覆: 訂單', '訂單'],
    ['[Shop] Re: Order  42 ', 'Order 42'],
    ['AW: WG: Bestellung', 'Bestellung'],
    ['Re[2]: Order', 'Order'],
    ['Regarding the order', 'Regarding the order'],
  ])('%j → %j', (subject, expected) => expect(threadSubject(subject)).toBe(expected));

  it('tells forwards apart', () => {
    expect(isForward('Fwd: x')).toBe(true);
    expect(isForward('转发：x')).toBe(true);
    expect(isForward('Re: x')).toBe(false);
  });
});
