import { Inject, Injectable } from '@nestjs/common';
import { type SocialReplyRequested } from '@hub/contracts';
import { Channel } from '@hub/domain';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';
import type { SocialInbox } from '../inboxes/social-inboxes';
import { callPlatform, filePart, PlatformRefusal, type ReplyFile } from './platform-call';

/**
 * Replies through Meta's Graph API: the Messenger/Instagram Send API (`/{account}/messages`, a
 * file uploaded as `filedata`) and the WhatsApp Cloud API (`/{phone-number-id}/messages`, a
 * file uploaded to `/media` first, or a template). Returns the platform's message id.
 */
@Injectable()
export class MetaSender {
  constructor(@Inject(SERVICE_ENV) private readonly env: ConnectorSocialEnv) {}

  async send(
    inbox: SocialInbox,
    reply: SocialReplyRequested,
    file?: ReplyFile,
  ): Promise<string | undefined> {
    if (inbox.channel === Channel.WhatsApp) return this.sendWhatsApp(inbox, reply, file);
    const token = tokenOf(inbox, 'pageAccessToken');
    const account = String(
      inbox.channel === Channel.Instagram
        ? inbox.settings.instagramAccountId
        : inbox.settings.pageId,
    );
    const url = `${this.env.META_GRAPH_URL}/${account}/messages`;
    const headers = { Authorization: `Bearer ${token}` };
    const recipient = { id: reply.recipientId };
    let answer: Record<string, unknown>;
    if (file) {
      const form = new FormData();
      form.set('recipient', JSON.stringify(recipient));
      form.set('messaging_type', 'RESPONSE');
      const type = file.mimeType.startsWith('image/') ? 'image' : 'file';
      form.set(
        'message',
        JSON.stringify({ attachment: { type, payload: { is_reusable: false } } }),
      );
      form.set('filedata', filePart(file), file.name);
      answer = await callPlatform(url, { headers, form });
    } else {
      answer = await callPlatform(url, {
        headers,
        json: { recipient, messaging_type: 'RESPONSE', message: { text: reply.content } },
      });
    }
    return idOf(answer.message_id);
  }

  private async sendWhatsApp(
    inbox: SocialInbox,
    reply: SocialReplyRequested,
    file?: ReplyFile,
  ): Promise<string | undefined> {
    const base = `${this.env.META_GRAPH_URL}/${String(inbox.settings.phoneNumberId)}`;
    const headers = { Authorization: `Bearer ${tokenOf(inbox, 'accessToken')}` };
    const to = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: reply.recipientId,
    };
    let message: Record<string, unknown>;
    if (reply.template) {
      const { name, languageCode } = reply.template;
      message = { type: 'template', template: { name, language: { code: languageCode } } };
    } else if (file) {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', file.mimeType);
      form.set('file', filePart(file), file.name);
      const uploaded = await callPlatform(`${base}/media`, { headers, form });
      const mediaId = idOf(uploaded.id);
      if (!mediaId) throw new PlatformRefusal('the media upload answered without an id', false);
      const type = file.mimeType.startsWith('image/') ? 'image' : 'document';
      const caption = reply.content ? { caption: reply.content } : {};
      const media = type === 'document' ? { filename: file.name, ...caption } : caption;
      message = { type, [type]: { id: mediaId, ...media } };
    } else {
      message = { type: 'text', text: { preview_url: false, body: reply.content } };
    }
    const answer = await callPlatform(`${base}/messages`, { headers, json: { ...to, ...message } });
    const [sent] = (answer.messages ?? []) as { id?: unknown }[];
    return idOf(sent?.id);
  }
}

function tokenOf(inbox: SocialInbox, name: string): string {
  const token = inbox.secret(name);
  if (!token) throw new PlatformRefusal(`the inbox has no ${name}`, true);
  return token;
}

/**
 * The platform's id of what it accepted. Missing, the reply still went out: it is reported sent
 * without one (status webhooks then cannot find it) rather than sent again.
 */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
