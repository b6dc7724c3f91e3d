import { Inject, Injectable } from '@nestjs/common';
import type { SocialReplyRequested } from '@hub/contracts';
import { SERVICE_ENV } from '@hub/service-kit';
import { FileLinks } from '@hub/storage';
import type { ConnectorSocialEnv } from '../connector-social.env';
import type { SocialInbox } from '../inboxes/social-inboxes';
import { lineMessages, type LineMessage } from './line-messages';
import { LineReplyTokens } from './line-reply-tokens';
import { LINE_VIDEO_PREVIEW_PATH } from './line-video-preview.controller';
import { idOf } from './meta-sender';
import { callPlatform, PlatformRefusal, type ReplyFile } from './platform-call';

// LINE fetches a file when the user opens it, possibly days later.
const FILE_LINK_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Replies through the LINE Messaging API: with the user's reply token while it is fresh, else a
 * push. A file goes as a signed link to this connector (SOCIAL_PUBLIC_URL), which LINE fetches,
 * as does a video's preview image.
 */
@Injectable()
export class LineSender {
  constructor(
    @Inject(SERVICE_ENV) private readonly env: ConnectorSocialEnv,
    private readonly replyTokens: LineReplyTokens,
    private readonly links: FileLinks,
  ) {}

  async send(
    inbox: SocialInbox,
    reply: SocialReplyRequested,
    file?: ReplyFile,
  ): Promise<string | undefined> {
    const token = inbox.secret('channelAccessToken');
    if (!token) throw new PlatformRefusal('the inbox has no channelAccessToken', true);
    const headers = { Authorization: `Bearer ${token}` };
    const messages = lineMessages(reply, file && { ...file, ...this.linksFor(reply) });
    const replyToken = this.replyTokens.take(inbox.inboxId, reply.recipientId);
    const answer = replyToken
      ? await this.replyOrPush(reply, { headers, messages, replyToken })
      : await this.push(reply, { headers, messages });
    const [sent] = (answer.sentMessages ?? []) as { id?: unknown }[];
    return idOf(sent?.id);
  }

  /** The signed link LINE fetches the reply's file from, and the preview shown for a video. */
  private linksFor(reply: SocialReplyRequested): { link: string; videoPreviewLink: string } {
    const origin = this.env.SOCIAL_PUBLIC_URL?.replace(/\/$/, '');
    if (!origin || !reply.attachment) {
      throw new PlatformRefusal(
        'SOCIAL_PUBLIC_URL is not configured: LINE cannot fetch files',
        true,
      );
    }
    const link = this.links.signFileUrl({
      fileId: reply.attachment.fileId,
      origin,
      expiresInSeconds: FILE_LINK_TTL_SECONDS,
    });
    return { link, videoPreviewLink: `${origin}/${LINE_VIDEO_PREVIEW_PATH}` };
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
  messages: LineMessage[];
}
