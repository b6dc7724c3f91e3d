import { foldQuotedHistory } from './fold-quoted-history';

const fold = (body: string) => foldQuotedHistory(body, { forwarded: false });

describe('foldQuotedHistory', () => {
  it.each([
    ['Thanks!\n\nOn Mon, Nov 30, 2026 at 9:00 AM Support <s@x.example> wrote:\n> hi', 'Thanks!'],
    ['谢谢\n\n在 2026年11月30日 09:00，Support <s@x.example> 写道：\n> 你好', '谢谢'],
    [
      'ありがとう\n\n2026年11月30日(月) 9:00 Support <s@x.example>のメッセージ:\n> はい',
      'ありがとう',
    ],
    ['OK\n\n-----Original Message-----\nFrom: Support\nquoted', 'OK'],
    ['收到\n\n发件人: Support <s@x.example>\n发送时间: 2026年11月30日 9:00\n主题: 回复', '收到'],
    ['Fine\n-- \nJane Doe\nACME', 'Fine'],
  ])('keeps only the new text of %j', (body, text) => {
    expect(fold(body).text).toBe(text);
    expect(fold(body).folded).not.toBe('');
  });

  it('keeps a quote answered below it (inline replies)', () => {
    const body = '> Which size?\nLarge, please.\n> Which colour?\nRed.';
    expect(fold(body).text).toBe(body);
  });

  it('keeps a mail that is nothing but a quote', () => {
    expect(fold('> only a quote').text).toBe('> only a quote');
  });

  it('keeps everything of a forward', () => {
    const body = 'FYI\n\nOn Mon, Nov 30 Bob <b@x.example> wrote:\n> the complaint';
    expect(foldQuotedHistory(body, { forwarded: true }).text).toBe(body);
  });
});
