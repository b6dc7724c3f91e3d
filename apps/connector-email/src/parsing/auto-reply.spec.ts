import { simpleParser } from 'mailparser';
import { isAutoReply } from './auto-reply';

const headersOf = async (lines: string[]) =>
  (await simpleParser(Buffer.from([...lines, '', 'body'].join('\r\n')))).headers;

describe('isAutoReply', () => {
  it.each([
    [['Auto-Submitted: auto-generated'], 'Your ticket'],
    [['X-Autoreply: yes'], 'hello'],
    [['X-Autorespond: on'], 'hello'],
    [['Precedence: bulk'], 'News'],
    [['Precedence: junk'], 'Offer'],
    [[], 'Out of Office: back Monday'],
    [[], '自动回复：我不在办公室'],
    [[], '不在通知'],
  ])('%j with subject %j is automatic', async (lines, subject) => {
    expect(isAutoReply(await headersOf(lines), subject)).toBe(true);
  });

  it('takes Auto-Submitted: no and ordinary mail for a person', async () => {
    expect(isAutoReply(await headersOf(['Auto-Submitted: no']), 'Order')).toBe(false);
    expect(isAutoReply(await headersOf([]), 'Re: Order')).toBe(false);
  });
});
