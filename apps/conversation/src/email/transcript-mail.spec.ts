import { SenderType } from '@hub/domain';
import type { Message } from '../messages/message.entity';
import { transcriptMail, transcriptRequestedNote } from './transcript-mail';

const AT = new Date('2026-11-30T09:05:00Z');

function message(fields: Partial<Message>): Message {
  return {
    senderType: SenderType.Customer,
    senderId: null,
    content: '',
    attachment: null,
    createdAt: AT,
    ...fields,
  } as Message;
}

const history = [
  message({ content: '荷物が届きません' }),
  message({ senderType: SenderType.Agent, senderId: 'a1', content: '確認します' }),
  message({ senderType: SenderType.System, content: 'Transcript requested by email to x@y' }),
  message({
    senderType: SenderType.Agent,
    senderId: 'gone',
    content: '',
    attachment: { name: 'label.pdf' } as Message['attachment'],
  }),
];

describe('transcriptMail', () => {
  it('writes the chat in the visitor’s language: who wrote, when (UTC), files named, system notes left out', () => {
    const mail = transcriptMail({
      language: 'ja',
      from: 'Shop',
      messages: history,
      agentNames: new Map([['a1', 'Ada']]),
    });
    expect(mail.subject).toBe('Shopとのチャット履歴');
    const blocks = mail.content.split('\n\n');
    expect(blocks[0]).toBe('Shopとのチャット');
    expect(blocks[1]).toMatch(/^\[.*2026.*9:05 UTC\] あなた:\n荷物が届きません$/);
    expect(blocks[2]).toMatch(/\] Ada:\n確認します$/);
    // A removed agent is "the agent"; the file is named.
    expect(blocks[3]).toMatch(/\] 担当者:\n［ファイル：label\.pdf］$/);
    expect(mail.content).not.toContain('Transcript requested');
  });

  it('has every language’s words', () => {
    for (const language of ['en', 'zh-CN', 'zh-TW', 'ja'] as const) {
      const mail = transcriptMail({
        language,
        from: 'S',
        messages: history,
        agentNames: new Map(),
      });
      expect(mail.subject).toContain('S');
      expect(transcriptRequestedNote(language, 'a@b.example')).toContain('a@b.example');
    }
    expect(
      transcriptMail({ language: 'zh-TW', from: 'S', messages: [], agentNames: new Map() }).subject,
    ).toBe('您與S的聊天記錄');
  });

  it('keeps the latest part of a long chat within the mail’s limit, never splitting a character', () => {
    const long = Array.from({ length: 400 }, (_, i) =>
      message({ content: `${i} ${'😀'.repeat(40)}` }),
    );
    const { content } = transcriptMail({
      language: 'en',
      from: 'S',
      messages: long,
      agentNames: new Map(),
    });
    expect(content.length).toBeLessThanOrEqual(20_000);
    expect(content).toContain('[earlier messages left out: too long]');
    expect(content).toContain('399 😀');
    expect(content).not.toMatch(/(^|[^\ud800-\udbff])[\udc00-\udfff]/);
  });
});
