import { Inject, Injectable } from '@nestjs/common';
import type { SocialReplyRequested } from '@hub/contracts';
import { SERVICE_ENV } from '@hub/service-kit';
import type { ConnectorSocialEnv } from '../connector-social.env';
import type { SocialInbox } from '../inboxes/social-inboxes';
import { LineReplyTokens } from './line-reply-tokens';
import { idOf } from './meta-sender';
import { callPlatform, PlatformRefusal } from './platform-call';

/**
 * Replies through the LINE Messaging API: with the user's reply token while it is fresh, else a
 * push. Text only: LINE takes images by public HTTPS URL, which the hub does not hand out.
 */
@Injectable()
export class LineSender {
  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorSocialEnv,
    private readonly replyTokens: LineReplyTokens,
  ) {}

  async send(inbox: SocialInbox, reply: SocialReplyRequested): Promise<string | undefined> {
    if (reply.attachment) {
      throw new PlatformRefusal('files cannot be sent to LINE yet; send a text', true);
    }
    const token = inbox.secret('channelAccessToken');
    if (!token) throw new PlatformRefusal('the inbox has no channelAccessToken', true);
    const headers = { Authorization: `Bearer ${token}` };
    const messages = [{ type: 'text', text: reply.content.slice(0, 5_000) }];
    const replyToken = this.replyTokens.take(inbox.inboxId, reply.recipientId);
    const answer = replyToken
      ? await this.replyOrPush(reply, { headers, messages, replyToken })
      : await this.push(reply, { headers, messages });
    const [sent] = (answer.sentMessages ?? []) as { id?: unknown }[];
    return idOf(sent?.id);
  }

  /** A reply token refused (used, expired) costs a push, not the message. */
  private async replyOrPush(
    reply: SocialReplyRequested,
    call: LineCall & { replyToken: string },
  ): Promise<Record<string, unknown>> {
    try {
      return await callPlatform(`${this.env.LINE_API_URL}/v2/bot/message/reply`, {
        headers: call.headers,
        json: { replyToken: call.replyToken, messages: call.messages },
      });
    } catch (error) {
      if (!(error instanceof PlatformRefusal) || !error.permanent) throw error;
      return this.push(reply, call);
    }
  }

  private push(reply: SocialReplyRequested, call: LineCall): Promise<Record<string, unknown>> {
    return callPlatform(`${this.env.LINE_API_URL}/v2/bot/message/push`, {
      // Our message id (a UUID) as LINE's retry key: a retried push is delivered once.
      headers: { ...call.headers, 'X-Line-Retry-Key': reply.messageId },
      json: { to: reply.recipientId, messages: call.messages },
    });
  }
}

interface LineCall {
  headers: Record<string, string>;
  messages: { type: string; text: string }[];
}
