import { Inject, Injectable } from '@nestjs/common';
import { platformWebhookUrl, type SocialReplyRequested } from '@hub/contracts';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';
import type { SocialInbox } from '../inboxes/social-inboxes';
import { idOf } from './meta-sender';
import { callPlatform, filePart, PlatformRefusal, type ReplyFile } from './platform-call';

/** Replies through the Telegram Bot API: sendMessage, or sendPhoto / sendDocument with a caption. */
@Injectable()
export class TelegramSender {
  constructor(@Inject(SERVICE_ENV) private readonly env: ConnectorSocialEnv) {}

  async send(
    inbox: SocialInbox,
    reply: SocialReplyRequested,
    file?: ReplyFile,
  ): Promise<string | undefined> {
    const bot = `${this.env.TELEGRAM_API_URL}/bot${botTokenOf(inbox)}`;
    let answer: Record<string, unknown>;
    if (file) {
      const field = file.mimeType.startsWith('image/') ? 'photo' : 'document';
      const form = new FormData();
      form.set('chat_id', reply.recipientId);
      if (reply.content) form.set('caption', reply.content.slice(0, 1024));
      form.set(field, filePart(file), file.name);
      const method = field === 'photo' ? 'sendPhoto' : 'sendDocument';
      answer = await callPlatform(`${bot}/${method}`, { form });
    } else {
      answer = await callPlatform(`${bot}/sendMessage`, {
        json: { chat_id: reply.recipientId, text: reply.content },
      });
    }
    const sent = idOf((answer.result as Record<string, unknown> | undefined)?.message_id);
    // Stored as the customer's messages are (`<chat>:<message_id>`): their replies name it so.
    return sent && `${reply.recipientId}:${sent}`;
  }

  /** Points the bot's webhook at this connector, with the inbox's secret token. */
  async setWebhook(inbox: SocialInbox, publicUrl: string): Promise<string> {
    const secret = inbox.secret('webhookSecret');
    if (!secret) throw new PlatformRefusal('the inbox has no webhookSecret', true);
    const url = platformWebhookUrl(publicUrl, 'telegram', inbox.inboxId);
    await callPlatform(`${this.env.TELEGRAM_API_URL}/bot${botTokenOf(inbox)}/setWebhook`, {
      json: { url, secret_token: secret, allowed_updates: ['message', 'edited_message'] },
    });
    return url;
  }
}

function botTokenOf(inbox: SocialInbox): string {
  const token = inbox.secret('botToken');
  if (!token) throw new PlatformRefusal('the inbox has no botToken', true);
  return token;
}
