import type { TranscriptLanguage } from '@hub/contracts';
import { SenderType } from '@hub/domain';
import type { Message } from '../messages/message.entity';

// EmailReplyRequested's limit on the text; a longer transcript keeps its end (the latest part).
const MAX_CONTENT = 20_000;

interface Words {
  subject: (from: string) => string;
  heading: (from: string) => string;
  you: string;
  agent: string;
  file: (name: string) => string;
  cut: string;
  /** The note stored in the conversation (agents and the visitor see it). */
  requested: (email: string) => string;
}

const WORDS: Record<TranscriptLanguage, Words> = {
  en: {
    subject: (from) => `Transcript of your chat with ${from}`,
    heading: (from) => `Your chat with ${from}`,
    you: 'You',
    agent: 'Agent',
    file: (name) => `[File: ${name}]`,
    cut: '[earlier messages left out: too long]',
    requested: (email) => `Transcript requested by email to ${email}`,
  },
  'zh-CN': {
    subject: (from) => `您与${from}的聊天记录`,
    heading: (from) => `您与${from}的对话`,
    you: '您',
    agent: '客服',
    file: (name) => `［文件：${name}］`,
    cut: '［较早的消息过长，已省略］',
    requested: (email) => `已请求将聊天记录发送至 ${email}`,
  },
  'zh-TW': {
    subject: (from) => `您與${from}的聊天記錄`,
    heading: (from) => `您與${from}的對話`,
    you: '您',
    agent: '客服',
    file: (name) => `［檔案：${name}］`,
    cut: '［較早的訊息過長，已省略］',
    requested: (email) => `已要求將聊天記錄寄至 ${email}`,
  },
  ja: {
    subject: (from) => `${from}とのチャット履歴`,
    heading: (from) => `${from}とのチャット`,
    you: 'あなた',
    agent: '担当者',
    file: (name) => `［ファイル：${name}］`,
    cut: '［以前のメッセージは長すぎるため省略しました］',
    requested: (email) => `チャット履歴を ${email} 宛にメールで送るよう依頼されました`,
  },
};

export interface TranscriptMail {
  subject: string;
  /** Plain text; connector-email adds the HTML part from it (escaped). */
  content: string;
}

/**
 * A conversation's transcript as a mail in the visitor's language: a heading, then each
 * customer and agent message with its time (UTC) and who wrote it; system messages (such as
 * earlier transcript requests) are left out, attachments named.
 */
export function transcriptMail(options: {
  language: TranscriptLanguage;
  from: string;
  messages: readonly Message[];
  agentNames: ReadonlyMap<string, string>;
}): TranscriptMail {
  const words = WORDS[options.language];
  const time = new Intl.DateTimeFormat(options.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const lines = options.messages
    .filter((message) => message.senderType !== SenderType.System)
    .map((message) => {
      const who =
        message.senderType === SenderType.Customer
          ? words.you
          : ((message.senderId && options.agentNames.get(message.senderId)) ?? words.agent);
      const text = [message.content, message.attachment ? words.file(message.attachment.name) : '']
        .filter((part) => part !== '')
        .join('\n');
      return `[${time.format(message.createdAt)} UTC] ${who}:\n${text}`;
    });
  const heading = `${words.heading(options.from)}\n\n`;
  let body = lines.join('\n\n');
  if (heading.length + body.length > MAX_CONTENT) {
    const room = MAX_CONTENT - heading.length - words.cut.length - 2;
    // Cut between characters, never inside a surrogate pair.
    const kept = body.slice(body.length - room).replace(/^[\udc00-\udfff]/, '');
    body = `${words.cut}\n\n${kept}`;
  }
  return { subject: words.subject(options.from), content: heading + body };
}

/** The note recording a transcript request, in the visitor's language. */
export function transcriptRequestedNote(language: TranscriptLanguage, email: string): string {
  return WORDS[language].requested(email);
}
