import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMail } from './parse-mail';

const fixture = (name: string) =>
  parseMail(readFileSync(path.join(__dirname, '../../test/fixtures', name)));

describe('parseMail on real-world mail', () => {
  it.each([
    [
      'gb2312-foxmail.eml',
      '订单还没有发货',
      '王小明',
      '您好，我的订单 #1042 还没有发货，请帮忙查一下。\n谢谢！\n王小明',
    ],
    ['gbk-qp.eml', '地址错误', undefined, '朱镕基路的店铺地址写错了，麻烦改一下。'],
    ['gb18030.eml', '退款', undefined, '退款金额是 €25，备注：𠀀 字符也要显示。'],
    ['big5-outlook.eml', 'RE: 商品詢問', '陳美玲', '請問這個商品有現貨嗎？'],
    [
      'iso-2022-jp.eml',
      '配送状況について',
      '田中太郎',
      'お世話になっております。\n注文番号 A-778 の配送状況を教えてください。',
    ],
    ['shift-jis-attachments.eml', '画像の件', undefined, '添付の画像をご確認ください。'],
    ['euc-kr.eml', '배송 문의', '김민준', '주문한 상품이 아직 도착하지 않았습니다.'],
  ])('decodes %s: subject, sender name and the new text', async (file, subject, name, text) => {
    const mail = await fixture(file);
    expect(mail.subject).toBe(subject);
    expect(mail.from?.name).toBe(name);
    expect(mail.text).toBe(text);
  });

  it('folds an Outlook reply’s quoted header block (zh-TW) and keeps its references, In-Reply-To first', async () => {
    const mail = await fixture('big5-outlook.eml');
    expect(mail.text).not.toContain('寄件者');
    expect(mail.threadSubject).toBe('商品詢問');
    expect(mail.references).toEqual([
      '11111111-2222-4333-8444-555555555555@shop.example',
      'first@hinet.example',
    ]);
  });

  it('sanitizes the HTML body: no script, style, event handler or javascript: link', async () => {
    const { html } = await fixture('big5-outlook.eml');
    expect(html).toContain('<b>現貨</b>');
    expect(html).not.toMatch(/script|onclick|javascript:|<style/i);
  });

  it('folds a Gmail reply’s quote (zh-CN "写道：") and keeps the new line', async () => {
    const mail = await fixture('gmail-reply-zh.eml');
    expect(mail.text).toBe('好的，那我等明天。');
    expect(mail.from).toEqual({ address: 'liu@gmail.example', name: '刘洋' });
  });

  it('keeps the whole body of a forward', async () => {
    const mail = await fixture('gmail-forward.eml');
    expect(mail.text).toContain('The vase arrived broken.');
    expect(mail.threadSubject).toBe('Broken item');
  });

  it('returns attachments with their bytes, whatever they claim to be', async () => {
    const mail = await fixture('shift-jis-attachments.eml');
    expect(mail.parts.map((part) => part.fileName)).toEqual(['screen.png', 'invoice.pdf.exe']);
    expect(mail.parts[0].content.subarray(1, 4).toString()).toBe('PNG');
  });

  it('marks an out-of-office reply as automatic', async () => {
    expect((await fixture('auto-reply.eml')).autoReply).toBe(true);
    expect((await fixture('gb2312-foxmail.eml')).autoReply).toBe(false);
  });

  it('reads a DSN: the bounced Message-ID and the reason', async () => {
    const mail = await fixture('dsn-bounce.eml');
    expect(mail.bounce).toEqual({
      originalMessageId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee@shop.example',
      reason:
        '5.1.1 smtp; 550 5.1.1 <nobody@example.invalid>: Recipient address rejected: User unknown',
    });
  });

  it('takes a delayed-delivery report for no bounce', async () => {
    const raw = readFileSync(path.join(__dirname, '../../test/fixtures/dsn-bounce.eml'))
      .toString('latin1')
      .replace('Action: failed', 'Action: delayed');
    expect((await parseMail(Buffer.from(raw, 'latin1'))).bounce).toBeNull();
  });

  it('turns a malformed mail with 8-bit garbage headers into storable text', async () => {
    const mail = await fixture('malformed-8bit.eml');
    expect(mail.messageId).toBeNull();
    expect(mail.from).toBeNull();
    expect(mail.subject).not.toContain('\u0000');
    expect(mail.subject).toContain('caf');
    expect(mail.text).toContain('body text');
  });
});
