import { Injectable } from '@nestjs/common';
import { Channel } from '@hub/domain';
import { isUUID } from 'class-validator';
import { SocialInboxes } from '../inboxes/social-inboxes';
import { AdmitPlatformEvents } from '../inbound/admit-platform-events.use-case';
import { lineEvents } from '../inbound/line-events';
import { LineReplyTokens } from '../outbound/line-reply-tokens';
import { lineSignatureValid } from './signatures';
import { inboxNotFound, signatureInvalid, WebhookAdmission } from './webhook-admission';

/** `/webhooks/line/:inboxId`: checked by X-Line-Signature with the channel secret. */
@Injectable()
export class LineWebhook {
  constructor(
    private readonly admission: WebhookAdmission,
    private readonly inboxes: SocialInboxes,
    private readonly admit: AdmitPlatformEvents,
    private readonly replyTokens: LineReplyTokens,
  ) {}

  async receive(call: { inboxId: string; rawBody: Buffer; signature?: string }): Promise<void> {
    const inbox = isUUID(call.inboxId) ? await this.inboxes.byId(Channel.Line, call.inboxId) : null;
    if (!inbox) throw inboxNotFound();
    const secret = inbox.secret('channelSecret');
    if (!secret || !call.signature || !lineSignatureValid(call.rawBody, call.signature, secret)) {
      throw signatureInvalid();
    }
    const events = lineEvents(this.admission.json(call.rawBody));
    await this.admit.execute(inbox, events);
    this.replyTokens.remember(inbox.inboxId, events.replyTokens);
  }
}
